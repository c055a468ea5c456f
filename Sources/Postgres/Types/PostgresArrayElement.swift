/// A type whose Swift arrays cross the libpq boundary as one PostgreSQL value.
///
/// The element type decides what its arrays are on the server: `[UInt8]` is `bytea`, `[String]` is `text[]`,
/// `[Int64]` and `[Int]` are `int8[]`, `[Int32]` is `int4[]`; optional elements add NULL elements.
public protocol PostgresArrayElement {
    /// The parameter that stands for `elements`.
    static func postgresParameter(forArray elements: [Self]) -> PostgresParameter
    /// Decodes a whole array cell (text format); nil when it is NULL or does not decode.
    static func decodeArray(from value: PostgresValue) -> [Self]?
}

/// An element written inside a one-dimensional PostgreSQL array literal (`{"a","b",NULL}`) in its text form.
public protocol PostgresArrayLiteralElement: PostgresArrayElement {
    /// The OID of the array type (`pg_type.typarray` of the element type), e.g. 1009 for `text[]`.
    static var postgresArrayTypeOID: UInt32 { get }
    /// The element's text form, or nil for a NULL element.
    var postgresArrayElementText: String? { get }
    /// Decodes one element from its unescaped text, or from nil for a NULL element; nil when it does not decode.
    static func decodeArrayElement(_ text: String?) -> Self?
}

extension PostgresArrayLiteralElement {
    /// The array literal, sent with the array type's OID.
    public static func postgresParameter(forArray elements: [Self]) -> PostgresParameter {
        PostgresParameter(
            text: PostgresArrayLiteral.format(elements.map(\.postgresArrayElementText)),
            typeOID: postgresArrayTypeOID)
    }

    /// Parses the array literal, then decodes each element; nil when either fails.
    public static func decodeArray(from value: PostgresValue) -> [Self]? {
        guard let elements = value.withUTF8(PostgresArrayLiteral.parse) ?? nil else { return nil }
        var decoded: [Self] = []
        decoded.reserveCapacity(elements.count)
        for element in elements {
            guard let value = decodeArrayElement(element) else { return nil }
            decoded.append(value)
        }
        return decoded
    }
}

extension Array: PostgresEncodable where Element: PostgresArrayElement {
    /// Sent as the element type decides (see `PostgresArrayElement`).
    public var postgresParameter: PostgresParameter { Element.postgresParameter(forArray: self) }
}

extension Array: PostgresDecodable where Element: PostgresArrayElement {
    /// Decoded as the element type decides (see `PostgresArrayElement`).
    public static func decode(from value: PostgresValue) -> [Element]? { Element.decodeArray(from: value) }
}
