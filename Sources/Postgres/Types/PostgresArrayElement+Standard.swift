extension String: PostgresArrayLiteralElement {
    /// `text[]`.
    public static var postgresArrayTypeOID: UInt32 { PostgresTypeOID.textArray }
    /// The string itself (always quoted in the literal, so empty strings and `NULL` text survive).
    public var postgresArrayElementText: String? { self }
    /// Any non-NULL element.
    public static func decodeArrayElement(_ text: String?) -> String? { text }
}

extension Int64: PostgresArrayLiteralElement {
    /// `int8[]`.
    public static var postgresArrayTypeOID: UInt32 { PostgresTypeOID.int8Array }
    /// Decimal digits.
    public var postgresArrayElementText: String? { String(self) }
    /// A non-NULL decimal element that fits.
    public static func decodeArrayElement(_ text: String?) -> Int64? { text.flatMap { Int64($0) } }
}

extension Int: PostgresArrayLiteralElement {
    /// `int8[]`.
    public static var postgresArrayTypeOID: UInt32 { PostgresTypeOID.int8Array }
    /// Decimal digits.
    public var postgresArrayElementText: String? { String(self) }
    /// A non-NULL decimal element that fits.
    public static func decodeArrayElement(_ text: String?) -> Int? { text.flatMap { Int($0) } }
}

extension Int32: PostgresArrayLiteralElement {
    /// `int4[]`.
    public static var postgresArrayTypeOID: UInt32 { PostgresTypeOID.int4Array }
    /// Decimal digits.
    public var postgresArrayElementText: String? { String(self) }
    /// A non-NULL decimal element that fits.
    public static func decodeArrayElement(_ text: String?) -> Int32? { text.flatMap { Int32($0) } }
}

extension Optional: PostgresArrayElement where Wrapped: PostgresArrayLiteralElement {}

extension Optional: PostgresArrayLiteralElement where Wrapped: PostgresArrayLiteralElement {
    /// The wrapped type's array type: NULL elements are allowed in any PostgreSQL array.
    public static var postgresArrayTypeOID: UInt32 { Wrapped.postgresArrayTypeOID }
    /// nil is a NULL element.
    public var postgresArrayElementText: String? { self?.postgresArrayElementText }
    /// A NULL element decodes as nil; anything else must decode as `Wrapped`.
    public static func decodeArrayElement(_ text: String?) -> Wrapped?? {
        guard let text else { return .some(nil) }
        return Wrapped.decodeArrayElement(text).map { .some($0) }
    }
}

extension UInt8: PostgresArrayElement {
    /// `[UInt8]` is sent as `bytea` in hex form (`\x0aff...`).
    public static func postgresParameter(forArray bytes: [UInt8]) -> PostgresParameter {
        let digits = [UInt8]("0123456789abcdef".utf8)
        var hex = [UInt8](repeating: 0, count: 2 + bytes.count * 2)
        hex[0] = UInt8(ascii: "\\")
        hex[1] = UInt8(ascii: "x")
        for (offset, byte) in bytes.enumerated() {
            hex[2 + offset * 2] = digits[Int(byte >> 4)]
            hex[3 + offset * 2] = digits[Int(byte & 0x0f)]
        }
        return PostgresParameter(text: String(decoding: hex, as: UTF8.self), typeOID: PostgresTypeOID.bytea)
    }

    /// `[UInt8]` decodes `bytea` in hex output form (`\x...`, the server default since PostgreSQL 9.0).
    public static func decodeArray(from value: PostgresValue) -> [UInt8]? {
        value.withUTF8 { text -> [UInt8]? in
            guard text.count >= 2, text.count % 2 == 0, text[0] == UInt8(ascii: "\\"), text[1] == UInt8(ascii: "x")
            else { return nil }
            var bytes = [UInt8]()
            bytes.reserveCapacity(text.count / 2 - 1)
            var index = 2
            while index < text.count {
                guard let high = hexValue(text[index]), let low = hexValue(text[index + 1]) else { return nil }
                bytes.append(high << 4 | low)
                index += 2
            }
            return bytes
        } ?? nil
    }

    private static func hexValue(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
