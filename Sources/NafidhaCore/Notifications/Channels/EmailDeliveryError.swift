/// Why an e-mail was not sent, and whether trying again may help.
public struct EmailDeliveryError: Error, Sendable, Equatable, CustomStringConvertible {
    /// True for a refusal that will not pass (SMTP 5xx: an unknown recipient, a refused sender).
    public var permanent: Bool
    /// The SMTP reply code, when there was one.
    public var code: Int?
    /// One line.
    public var message: String

    /// An error.
    public init(permanent: Bool, code: Int?, message: String) {
        self.permanent = permanent
        self.code = code
        self.message = message
    }

    /// The message.
    public var description: String { message }
}
