import NafidhaContract

/// An error the service layer reports to a citizen, clerk or auditor: one of the contract's `ErrorCode`s, which
/// decides its HTTP status, with its localized message and, for validation failures, the reason per field. The
/// API renders it; the CLI prints the message.
public struct NafidhaError: Error, Sendable, CustomStringConvertible {
    /// The stable code, which decides the status.
    public var code: ErrorCode
    /// The message in each language: the code's own, or one of its renderers' (`ErrorCode.Message`).
    public var message: LocalizedText
    /// For validation failures: the field path (`applicant.phone`, `fields.plot_area`) and why, localized.
    public var fields: [String: LocalizedText]

    /// An error with `code`'s message; codes whose message names something pass the rendered `message`
    /// (`ErrorCode.Message.taskClaimed(by:)`, ...).
    public init(_ code: ErrorCode, message: LocalizedText? = nil, fields: [String: FieldReason] = [:]) {
        self.code = code
        self.message = message ?? code.message
        self.fields = fields.mapValues(\.text)
    }

    /// The HTTP status of the JSON API (`ErrorCode.status`).
    public var status: Int { code.status }

    /// `code: message (fields: a, b)`, in English.
    public var description: String {
        let suffix = fields.isEmpty ? "" : " (fields: \(fields.keys.sorted().joined(separator: ", ")))"
        return "\(code.rawValue): \(message.en)\(suffix)"
    }
}
