import Transport

/// Sends e-mail through one SMTP server (RFC 5321): a connection per call, TLS as the URL says, AUTH when it
/// has credentials, and an `SMTPError` that says whether to retry when the message does not go.
///
/// Blocking: `send` holds the calling thread for the whole conversation (each step within its timeout). Call it
/// from a thread you own (a worker), never from Swift concurrency's cooperative pool. The client itself is
/// immutable and may be shared between threads; each call has its own connection.
public final class SMTPClient: Sendable {
    /// The server, trust and limits this client uses.
    public let configuration: SMTPConfiguration
    private let tlsContext: TLSContext

    /// A client for `configuration`; loads the trust store (and CA file) once, here.
    ///
    /// - Throws: `MailConfigurationError` for a HELO name or a limit that cannot be used, credentials holding
    ///   NUL, or a CA file OpenSSL cannot read.
    public init(configuration: SMTPConfiguration) throws(MailConfigurationError) {
        try configuration.validate()
        do {
            tlsContext = try TLSContext(configuration: configuration.tls)
        } catch {
            throw MailConfigurationError("\(error)")
        }
        self.configuration = configuration
    }

    /// Renders `message` and sends it from its `From` to its `To`.
    ///
    /// - Returns: the accepted and refused recipients and the server's final reply.
    /// - Throws: `SMTPError`; `isPermanent` says whether a retry can help.
    public func send(_ message: MailMessage) throws(SMTPError) -> SMTPDeliveryReport {
        let content: [UInt8]
        do {
            content = try message.rendered()
        } catch {
            throw .invalidMessage(error)
        }
        return try send(content, envelope: SMTPEnvelope(for: message))
    }

    /// Sends already written message bytes (`MailMessage.rendered()`, or any RFC 5322 message) to the envelope's
    /// recipients. Line breaks are made CRLF and leading dots doubled on the way (RFC 5321 §4.5.2).
    ///
    /// - Returns: the accepted and refused recipients and the server's final reply.
    /// - Throws: `SMTPError`; `isPermanent` says whether a retry can help.
    public func send(_ content: [UInt8], envelope: SMTPEnvelope) throws(SMTPError) -> SMTPDeliveryReport {
        let session = try SMTPSession.open(configuration: configuration, context: tlsContext)
        do {
            let report = try session.transfer(content, envelope: envelope)
            session.end()
            return report
        } catch {
            session.end(after: error)
            throw error
        }
    }
}
