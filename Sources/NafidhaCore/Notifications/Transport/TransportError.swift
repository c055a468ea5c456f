/// Why a connection or an exchange over it failed. Every kind but `tlsUnavailable` may pass: delivery retries them.
public struct TransportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What failed.
    public enum Kind: Sendable, Equatable {
        /// The host name does not resolve.
        case resolution
        /// No connection could be made (refused, unreachable).
        case connection
        /// A deadline passed: connecting, sending or waiting for the answer.
        case timeout
        /// The peer closed the connection or reset it mid-exchange.
        case closed
        /// Another system call failed.
        case system
        /// `https://` was asked for, and no TLS connector is installed (docs/notifications.md, "HTTPS").
        case tlsUnavailable
    }

    /// What failed.
    public var kind: Kind
    /// One line for the delivery's `last_error`.
    public var message: String

    /// An error.
    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// The message.
    public var description: String { message }
}
