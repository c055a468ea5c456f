/// The body of every JSON error answer: `{"error":{"code","message","fields"?}}` (docs/api.md, "Errors").
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

        /// The code, when this contract knows it.
        public var knownCode: ErrorCode? { ErrorCode(rawValue: code) }

        /// A detail for `code`.
        public init(code: ErrorCode, message: String, fields: [String: String]? = nil) {
            self.code = code.rawValue
            self.message = message
            self.fields = fields
        }
    }

    /// The error.
    public var error: Detail

    /// The body of an error answer: `code`, its message in the answer's language, and field reasons if any.
    public init(code: ErrorCode, message: String, fields: [String: String]? = nil) {
        error = Detail(code: code, message: message, fields: fields)
    }
}
