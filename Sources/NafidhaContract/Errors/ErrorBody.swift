/// The body of every JSON error answer: `{"error":{"code","message","fields"?,"problems"?}}` (docs/api.md,
/// "Errors").
public struct ErrorBody: Codable, Sendable, Equatable {
    /// What went wrong.
    public struct Detail: Codable, Sendable, Equatable {
        /// The stable code, as sent. A string rather than an `ErrorCode`, so that a client older than the server
        /// still shows the message of a code it does not know; `knownCode` reads it.
        public var code: String
        /// One sentence in the negotiated language.
        public var message: String
        /// For validation failures: each offending member's path (`applicant.phone`) and why.
        public var fields: [String: String]?
        /// For `catalog_invalid`: every problem of the catalog file, in file order, with where it is.
        public var problems: [Problem]?

        /// The code, when this contract knows it.
        public var knownCode: ErrorCode? { ErrorCode(rawValue: code) }

        /// A detail for `code`.
        public init(code: ErrorCode, message: String, fields: [String: String]? = nil, problems: [Problem]? = nil) {
            self.code = code.rawValue
            self.message = message
            self.fields = fields
            self.problems = problems
        }
    }

    /// One problem of a file the server read (a catalog file: docs/catalog.md, "Validation").
    public struct Problem: Codable, Sendable, Equatable {
        /// Where in the document: a JSON path such as `$.services[2].fields[0].datatype` (`$` for the whole).
        public var path: String
        /// The line of the file, from 1, when known.
        public var line: Int?
        /// The column, from 1, in characters, when known.
        public var column: Int?
        /// What is wrong, in the negotiated language.
        public var message: String

        /// A problem.
        public init(path: String, line: Int?, column: Int?, message: String) {
            self.path = path
            self.line = line
            self.column = column
            self.message = message
        }
    }

    /// The error.
    public var error: Detail

    /// The body of an error answer: `code`, its message in the answer's language, and field reasons if any.
    public init(code: ErrorCode, message: String, fields: [String: String]? = nil) {
        error = Detail(code: code, message: message, fields: fields)
    }
}
