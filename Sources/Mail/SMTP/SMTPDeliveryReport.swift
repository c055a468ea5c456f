/// What the server did with a message it accepted for at least one recipient.
public struct SMTPDeliveryReport: Sendable {
    /// The recipients the server took responsibility for.
    public let accepted: [MailAddress]
    /// The recipients it refused, each with its reply: 5xx permanently (dead-letter), 4xx for now (retry them).
    public let refused: [SMTPRecipientRefusal]
    /// The server's final reply to the message, e.g. `250 2.0.0 Ok: queued as 4F2A`, for the log.
    public let reply: SMTPReply
    /// The TLS protocol the message travelled under (`TLSv1.3`), or `nil` over plain TCP.
    public let tlsProtocol: String?
}

/// One recipient the server refused.
public struct SMTPRecipientRefusal: Sendable, Hashable, CustomStringConvertible {
    /// The refused recipient.
    public let recipient: MailAddress
    /// The server's reply to its `RCPT TO`.
    public let reply: SMTPReply

    /// Whether the refusal is final for this recipient (a 5xx reply); otherwise (4xx, or any other code a
    /// confused server gives) send to it again later.
    public var isPermanent: Bool { reply.isPermanentFailure }

    /// `clerk@tripoli.ly: 550 5.1.1 No such mailbox`.
    public var description: String { "\(recipient.address): \(reply)" }
}
