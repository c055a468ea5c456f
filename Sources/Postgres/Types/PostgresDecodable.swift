/// A Swift type a column value can be decoded into.
public protocol PostgresDecodable {
    /// Decodes `value` (text format), or returns nil when it is NULL or does not decode as this type.
    ///
    /// `Optional` returns `.some(nil)` for NULL, so only non-optional types fail on NULL.
    static func decode(from value: PostgresValue) -> Self?
}

extension Optional: PostgresDecodable where Wrapped: PostgresDecodable {
    /// NULL decodes as nil; anything else must decode as `Wrapped`.
    public static func decode(from value: PostgresValue) -> Wrapped?? {
        if value.isNull { return .some(nil) }
        return Wrapped.decode(from: value).map { .some($0) }
    }
}
