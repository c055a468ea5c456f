/// Why the server could not start: a stable `code` and a message.
public struct HTTPServerError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A stable machine-readable code: `already_started` or `invalid_host`.
    public let code: String
    /// One human sentence.
    public let message: String

    /// `start()` was called twice, or after `shutdown()`.
    public static let alreadyStarted = HTTPServerError(
        code: "already_started", message: "The server was already started.")
    /// `Configuration.host` is not a numeric IPv4 or IPv6 address.
    public static let invalidHost = HTTPServerError(
        code: "invalid_host", message: "The host must be a numeric IP address.")

    /// `"invalid_host: The host must be a numeric IP address."`.
    public var description: String { "\(code): \(message)" }
}
