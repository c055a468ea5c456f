import Transport

/// Why a message was not delivered, and whether trying again can help.
///
/// `isPermanent` is what a caller branches on: dead-letter the message (a 5xx reply, a message this server can
/// never take) or retry it later (a 4xx reply, a timeout, a lost connection, a TLS failure). `stage` says where
/// it happened, so that a permanent failure of the set-up (`authentication`) can be told from one of the message
/// (`recipients`). A struct wrapping a private enum, so that reasons can be added without breaking callers.
public struct SMTPError: Error, Sendable, CustomStringConvertible {
    /// The step of the conversation that failed.
    public enum Stage: String, Sendable, Hashable {
        /// Resolving, connecting, and for `smtps` the TLS handshake.
        case connection
        /// Waiting for the server's 220.
        case greeting
        /// EHLO (or HELO).
        case hello
        /// STARTTLS and its handshake.
        case startTLS
        /// AUTH.
        case authentication
        /// MAIL FROM.
        case mailFrom
        /// RCPT TO.
        case recipients
        /// The DATA command.
        case data
        /// Writing the message, the content and the server's final reply; or rendering it.
        case message
    }

    private enum Reason: Sendable {
        case reply(SMTPReply)
        case transport(TransportError)
        case connectionLost(String)
        case tlsUnavailable
        case authenticationUnavailable(offered: [String])
        case extensionUnavailable(String)
        case protocolViolation(String)
        case recipientsRefused([SMTPRecipientRefusal])
        case invalidMessage(MailMessageError)
    }

    /// Where it failed.
    public let stage: Stage
    private let reason: Reason

    private init(stage: Stage, _ reason: Reason) {
        self.stage = stage
        self.reason = reason
    }

    /// The server answered `reply` where another code was needed.
    init(stage: Stage, reply: SMTPReply) {
        self.init(stage: stage, .reply(reply))
    }

    /// The connection failed under the conversation (timeout, reset, TLS).
    init(stage: Stage, transport: TransportError) {
        self.init(stage: stage, .transport(transport))
    }

    /// The server closed the connection; `detail` says when.
    init(stage: Stage, connectionLost detail: String) {
        self.init(stage: stage, .connectionLost(detail))
    }

    /// The server broke the protocol (a malformed or oversized reply, bytes after the 220 to STARTTLS).
    init(stage: Stage, protocolViolation detail: String) {
        self.init(stage: stage, .protocolViolation(detail))
    }

    /// TLS is required (`smtp+starttls`, or credentials to send) and the server does not offer STARTTLS.
    static func tlsUnavailable(stage: Stage) -> SMTPError {
        SMTPError(stage: stage, .tlsUnavailable)
    }

    /// Credentials are configured and the server offers neither PLAIN nor LOGIN.
    static func authenticationUnavailable(offered: [String]) -> SMTPError {
        SMTPError(stage: .authentication, .authenticationUnavailable(offered: offered))
    }

    /// The message needs an SMTP extension (SMTPUTF8, 8BITMIME) the server does not offer.
    static func extensionUnavailable(_ name: String) -> SMTPError {
        SMTPError(stage: .mailFrom, .extensionUnavailable(name))
    }

    /// Every recipient was refused; nothing was sent.
    static func recipientsRefused(_ refusals: [SMTPRecipientRefusal]) -> SMTPError {
        SMTPError(stage: .recipients, .recipientsRefused(refusals))
    }

    /// The message cannot be written (a header injection attempt, a malformed Message-ID, ...).
    static func invalidMessage(_ error: MailMessageError) -> SMTPError {
        SMTPError(stage: .message, .invalidMessage(error))
    }

    /// Whether retrying the same message cannot help: a 5xx reply (RFC 5321 §4.2.1), every recipient refused
    /// with a 5xx, a message the server cannot carry (an extension it lacks), or a message that cannot be written.
    /// Everything else is temporary: 4xx replies, timeouts, lost connections, TLS failures and missing TLS.
    public var isPermanent: Bool {
        switch reason {
        case .reply(let reply): reply.isPermanentFailure
        case .recipientsRefused(let refusals): refusals.allSatisfy(\.isPermanent)
        case .extensionUnavailable, .invalidMessage: true
        case .transport, .connectionLost, .tlsUnavailable, .authenticationUnavailable, .protocolViolation: false
        }
    }

    /// Whether the conversation can still end with QUIT: the server replied in order, even if with a refusal.
    var leavesConnectionUsable: Bool {
        switch reason {
        case .transport, .connectionLost, .protocolViolation: false
        case .reply, .tlsUnavailable, .authenticationUnavailable, .extensionUnavailable, .recipientsRefused,
            .invalidMessage:
            true
        }
    }

    /// The server's reply, when the failure is one.
    public var reply: SMTPReply? {
        if case .reply(let reply) = reason { return reply }
        return nil
    }

    /// Each recipient's refusal, when every recipient was refused.
    public var refusals: [SMTPRecipientRefusal] {
        if case .recipientsRefused(let refusals) = reason { return refusals }
        return []
    }

    /// The connection's own failure (a timeout, a reset, a TLS or certificate failure), if that is what happened.
    public var transportError: TransportError? {
        if case .transport(let error) = reason { return error }
        return nil
    }

    /// Whether a step ran out of time.
    public var isTimeout: Bool { transportError?.isTimeout ?? false }

    /// Whether the server closed or reset the connection in the middle of the conversation.
    public var isConnectionLost: Bool {
        if case .connectionLost = reason { return true }
        return transportError?.isConnectionClosed ?? false
    }

    /// Whether TLS failed or was required and not offered.
    public var isTLSFailure: Bool {
        if case .tlsUnavailable = reason { return true }
        return transportError?.isTLS ?? false
    }

    /// The rendering error, when the message itself could not be written.
    public var messageError: MailMessageError? {
        if case .invalidMessage(let error) = reason { return error }
        return nil
    }

    public var description: String {
        let what =
            switch reason {
            case .reply(let reply): "the server answered \(reply)"
            case .transport(let error): "\(error)"
            case .connectionLost(let detail): "the server closed the connection \(detail)"
            case .tlsUnavailable: "TLS is required but the server does not offer STARTTLS"
            case .authenticationUnavailable(let offered):
                "the server offers no AUTH mechanism we use (PLAIN, LOGIN); it offers: "
                    + (offered.isEmpty ? "none" : offered.joined(separator: " "))
            case .extensionUnavailable(let name): "the message needs \(name), which the server does not offer"
            case .protocolViolation(let detail): "the server broke the protocol: \(detail)"
            case .recipientsRefused(let refusals):
                "every recipient was refused: " + refusals.map(\.description).joined(separator: "; ")
            case .invalidMessage(let error): "the message cannot be written: \(error)"
            }
        return "SMTP \(stage.rawValue): \(what) (\(isPermanent ? "permanent" : "temporary"))"
    }
}
