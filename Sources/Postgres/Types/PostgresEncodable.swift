/// A Swift value that can be sent as a query parameter.
///
/// Conform domain types by delegating to a standard type, e.g. `var postgresParameter: PostgresParameter { id.postgresParameter }`.
public protocol PostgresEncodable {
    /// The value as it is sent to the server.
    var postgresParameter: PostgresParameter { get }
}

/// One query parameter in PostgreSQL's text format, with the type the server should read it as.
public struct PostgresParameter: Sendable, Hashable {
    /// The text form, sent as UTF-8.
    public var text: String
    /// The PostgreSQL type OID; 0 lets the server infer the type from the statement.
    public var typeOID: UInt32

    /// A parameter in text format; `typeOID` 0 lets the server infer the type from the statement.
    public init(text: String, typeOID: UInt32 = 0) {
        self.text = text
        self.typeOID = typeOID
    }
}

/// Well-known type OIDs (from `pg_type`) used by the standard conformances.
enum PostgresTypeOID {
    static let bool: UInt32 = 16
    static let bytea: UInt32 = 17
    static let int8: UInt32 = 20
    static let int4: UInt32 = 23
    static let float8: UInt32 = 701
    static let timestamptz: UInt32 = 1184
    static let uuid: UInt32 = 2950
    static let int4Array: UInt32 = 1007
    static let textArray: UInt32 = 1009
    static let int8Array: UInt32 = 1016
}
