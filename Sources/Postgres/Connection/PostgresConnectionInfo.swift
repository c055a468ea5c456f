import CLibPQ

/// Connection parameters parsed by libpq from a URL (`postgresql://...`) or a `key=value` string.
///
/// Lets code change one parameter (the database name, the options) without building conninfo strings by hand.
public struct PostgresConnectionInfo: Sendable, Equatable {
    /// The parameters that were set, in libpq's keyword order.
    public private(set) var parameters: [(keyword: String, value: String)]

    /// Parses `conninfo` with `PQconninfoParse`; a malformed string throws libpq's message.
    public init(_ conninfo: String) throws(PostgresError) {
        var errorMessage: UnsafeMutablePointer<CChar>?
        guard let options = PQconninfoParse(conninfo, &errorMessage) else {
            let message = errorMessage.map { String(cString: $0) } ?? "invalid connection string"
            if let errorMessage { PQfreemem(errorMessage) }
            throw PostgresError(code: .connectionFailed, message: message.trimmingTrailingNewlines())
        }
        defer { PQconninfoFree(options) }
        var parsed: [(keyword: String, value: String)] = []
        var option = options
        while let keyword = option.pointee.keyword {
            if let value = option.pointee.val {
                parsed.append((String(cString: keyword), String(cString: value)))
            }
            option += 1
        }
        parameters = parsed
    }

    /// The value of a libpq keyword (`dbname`, `host`, `options`, ...); setting nil removes it.
    public subscript(keyword: String) -> String? {
        get { parameters.first { $0.keyword == keyword }?.value }
        set {
            if let index = parameters.firstIndex(where: { $0.keyword == keyword }) {
                if let newValue { parameters[index].value = newValue } else { parameters.remove(at: index) }
            } else if let newValue {
                parameters.append((keyword, newValue))
            }
        }
    }

    /// The parameters as a `key='value'` string, each value quoted as libpq requires.
    public var conninfo: String {
        parameters.map { "\($0.keyword)='\(Self.quoted($0.value))'" }.joined(separator: " ")
    }

    /// The parameters as a `postgresql:///dbname?key=value` URL, each part percent-encoded.
    public var url: String {
        let database = self["dbname"].map(Self.percentEncoded) ?? ""
        let query = parameters.filter { $0.keyword != "dbname" }
            .map { "\($0.keyword)=\(Self.percentEncoded($0.value))" }
            .joined(separator: "&")
        return "postgresql:///\(database)" + (query.isEmpty ? "" : "?\(query)")
    }

    /// Equal when the same keywords have the same values in the same order.
    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.parameters.elementsEqual(rhs.parameters) { $0.keyword == $1.keyword && $0.value == $1.value }
    }

    /// Escapes a value for single quotes in a conninfo string (backslash and quote get a backslash).
    private static func quoted(_ value: String) -> String {
        value.replacingAll("\\", with: "\\\\").replacingAll("'", with: "\\'")
    }

    /// Percent-encodes everything but RFC 3986 unreserved characters.
    private static func percentEncoded(_ value: String) -> String {
        var encoded = ""
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
                UInt8(ascii: "_"), UInt8(ascii: "~"):
                encoded.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                encoded += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return encoded
    }
}

extension String {
    /// Replaces every occurrence without Foundation.
    fileprivate func replacingAll(_ target: Character, with replacement: String) -> String {
        var result = ""
        for character in self {
            if character == target { result += replacement } else { result.append(character) }
        }
        return result
    }
}
