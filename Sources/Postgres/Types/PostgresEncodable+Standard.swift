import Foundation

extension Int: PostgresEncodable {
    /// Sent as `int8`.
    public var postgresParameter: PostgresParameter {
        PostgresParameter(text: String(self), typeOID: PostgresTypeOID.int8)
    }
}

extension Int64: PostgresEncodable {
    /// Sent as `int8`.
    public var postgresParameter: PostgresParameter {
        PostgresParameter(text: String(self), typeOID: PostgresTypeOID.int8)
    }
}

extension Int32: PostgresEncodable {
    /// Sent as `int4`.
    public var postgresParameter: PostgresParameter {
        PostgresParameter(text: String(self), typeOID: PostgresTypeOID.int4)
    }
}

extension Double: PostgresEncodable {
    /// Sent as `float8`, in the shortest text that reads back to the same value.
    public var postgresParameter: PostgresParameter {
        let text: String
        if isNaN {
            text = "NaN"
        } else if isInfinite {
            text = self < 0 ? "-Infinity" : "Infinity"
        } else {
            text = description
        }
        return PostgresParameter(text: text, typeOID: PostgresTypeOID.float8)
    }
}

extension Bool: PostgresEncodable {
    /// Sent as `bool`.
    public var postgresParameter: PostgresParameter {
        PostgresParameter(text: self ? "t" : "f", typeOID: PostgresTypeOID.bool)
    }
}

extension String: PostgresEncodable {
    /// Sent with type unknown, so the server reads it as the column's type (text, varchar, enums, citext).
    public var postgresParameter: PostgresParameter { PostgresParameter(text: self) }
}

extension Date: PostgresEncodable {
    /// Sent as `timestamptz`, ISO 8601 with microseconds and an explicit UTC offset.
    public var postgresParameter: PostgresParameter {
        PostgresParameter(text: PostgresTimestamp.format(self), typeOID: PostgresTypeOID.timestamptz)
    }
}

extension UUID: PostgresEncodable {
    /// Sent as `uuid`.
    public var postgresParameter: PostgresParameter {
        PostgresParameter(text: uuidString.lowercased(), typeOID: PostgresTypeOID.uuid)
    }
}
