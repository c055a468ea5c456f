import Transport

#if canImport(Glibc)
    import Glibc
#endif

/// Everything `SMTPClient` needs: the server, its TLS trust, the name to greet it with, and the limits.
public struct SMTPConfiguration: Sendable {
    /// The server, its TLS mode and credentials.
    public var server: SMTPURL
    /// Trust for the server's certificate (the system's store, plus a CA file).
    public var tls: TLSConfiguration
    /// The name given in EHLO/HELO: this machine's host name by default.
    public var heloName: String
    /// For resolving and connecting (all addresses together), and for `smtps` the TLS handshake.
    public var connectTimeout: Duration = .seconds(15)
    /// For each command's reply, the greeting and the STARTTLS handshake.
    public var commandTimeout: Duration = .seconds(60)
    /// For writing the message and the server's final reply to it (RFC 5321 §4.5.3.2 suggests up to 10 minutes
    /// for the reply; a notification is small).
    public var messageTimeout: Duration = .seconds(180)
    /// The longest reply accepted, all its lines together (an EHLO reply is about 300 bytes).
    public var maximumReplyBytes = 16 * 1024

    /// A configuration for `server` with the default limits.
    public init(server: SMTPURL, tls: TLSConfiguration = TLSConfiguration(), heloName: String? = nil) {
        self.server = server
        self.tls = tls
        self.heloName = heloName ?? Self.hostName()
    }

    /// Refuses a HELO name that would break the command line, credentials PLAIN cannot carry, and limits that
    /// are not positive.
    func validate() throws(MailConfigurationError) {
        guard !heloName.isEmpty, heloName.utf8.count <= 255,
            heloName.utf8.allSatisfy({ (0x21...0x7E).contains($0) })
        else {
            throw MailConfigurationError("the HELO name must be a host name or an address literal, without spaces")
        }
        // PLAIN separates user and password with NUL (RFC 4616): one inside either would shift the fields.
        guard !(server.username ?? "").utf8.contains(0), !(server.password ?? "").utf8.contains(0) else {
            throw MailConfigurationError("the SMTP user name and password may not contain NUL")
        }
        guard connectTimeout > .zero, commandTimeout > .zero, messageTimeout > .zero else {
            throw MailConfigurationError("the SMTP timeouts must be positive")
        }
        guard maximumReplyBytes >= 512 else {
            throw MailConfigurationError("the SMTP reply limit must be at least 512 bytes (RFC 5321 §4.5.3.1.5)")
        }
    }

    /// This machine's name (`gethostname`), or `localhost` when it has none usable.
    private static func hostName() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "localhost" }
        let name = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return name.isEmpty || !name.utf8.allSatisfy({ (0x21...0x7E).contains($0) }) ? "localhost" : name
    }
}
