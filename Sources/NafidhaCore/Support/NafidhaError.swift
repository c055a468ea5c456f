import NafidhaContract

/// An error the service layer reports to a citizen, clerk or auditor: a stable `code`, a localized message, and
/// for validation failures the reason per field. The API maps `kind` to an HTTP status; the CLI prints the message.
public struct NafidhaError: Error, Sendable, CustomStringConvertible {
    /// What kind of failure, which decides the HTTP status.
    public enum Kind: Sendable, Equatable {
        /// The input is malformed (400).
        case badRequest
        /// Credentials are missing or wrong (401).
        case unauthenticated
        /// The caller may not do this (403).
        case forbidden
        /// No such thing, or the caller may not know whether it exists (404).
        case notFound
        /// The state changed or conflicts with the request (409).
        case conflict
        /// The input is well-formed but invalid; `fields` says why (422).
        case validationFailed
        /// A dependency (the database) is unavailable (503).
        case unavailable
    }

    /// The kind of failure.
    public var kind: Kind
    /// A stable machine-readable code, e.g. `validation_failed`.
    public var code: String
    /// The message in each language.
    public var message: LocalizedText
    /// For validation failures: the field path (`applicant.phone`, `fields.plot_area`) and why, localized.
    public var fields: [String: LocalizedText]

    /// Creates an error.
    public init(_ kind: Kind, code: String, message: LocalizedText, fields: [String: LocalizedText] = [:]) {
        self.kind = kind
        self.code = code
        self.message = message
        self.fields = fields
    }

    /// `validation_failed: The request is invalid. (fields: a, b)`, in English.
    public var description: String {
        let suffix = fields.isEmpty ? "" : " (fields: \(fields.keys.sorted().joined(separator: ", ")))"
        return "\(code): \(message.en)\(suffix)"
    }
}
