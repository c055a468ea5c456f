import Transport

/// One connection to the server, from its greeting to QUIT (RFC 5321 §3): made and driven by `SMTPClient`, on
/// the caller's thread, every step bounded by the configuration's timeouts.
final class SMTPSession {
    private var stream: any ByteStream
    private var reader: SMTPReplyReader
    private let configuration: SMTPConfiguration
    private let tlsContext: TLSContext
    private var capabilities = SMTPCapabilities()
    /// The TLS protocol in use (`TLSv1.3`), `nil` while the connection is plain.
    private var tlsProtocol: String?

    private init(stream: any ByteStream, tlsProtocol: String?, configuration: SMTPConfiguration, context: TLSContext) {
        self.stream = stream
        self.tlsProtocol = tlsProtocol
        self.configuration = configuration
        self.tlsContext = context
        self.reader = SMTPReplyReader(maximumBytes: configuration.maximumReplyBytes)
    }

    /// Connects (with TLS from the first byte for `smtps`), reads the greeting, says EHLO, upgrades with
    /// STARTTLS when offered (or fails when it is required and not offered), and authenticates when credentials
    /// are configured: a session ready for a transaction.
    static func open(configuration: SMTPConfiguration, context: TLSContext) throws(SMTPError) -> SMTPSession {
        let server = configuration.server
        let deadline = ContinuousClock.now + configuration.connectTimeout
        let tcp: TCPStream
        do {
            tcp = try TCPStream.connect(host: server.host, port: server.port, timeout: configuration.connectTimeout)
        } catch {
            throw SMTPError(stage: .connection, transport: error)
        }
        let session: SMTPSession
        if server.security == .implicitTLS {
            do {
                let tls = try TLSStream(over: tcp, serverName: server.host, context: context, deadline: deadline)
                session = SMTPSession(
                    stream: tls, tlsProtocol: tls.protocolVersion, configuration: configuration, context: context)
            } catch {
                tcp.close(deadline: deadline)
                throw SMTPError(stage: .connection, transport: error)
            }
        } else {
            session = SMTPSession(stream: tcp, tlsProtocol: nil, configuration: configuration, context: context)
        }
        do throws(SMTPError) {
            try session.greet()
            try session.hello()
            if server.security != .implicitTLS {
                if session.capabilities.offers("STARTTLS") {
                    try session.startTLS(over: tcp)
                } else if server.security == .startTLSRequired {
                    throw SMTPError.tlsUnavailable(stage: .startTLS)
                }
            }
            if let username = server.username, let password = server.password {
                try session.authenticate(username: username, password: password)
            }
        } catch {
            session.end(after: error)
            throw error
        }
        return session
    }

    /// One mail transaction: MAIL FROM, RCPT TO for each recipient, DATA, the content (RFC 5321 §3.3).
    ///
    /// Recipients are accepted or refused one by one; the message goes to the accepted ones, and the refused
    /// ones are in the report. When none is accepted nothing is sent and the error lists every refusal.
    func transfer(_ content: [UInt8], envelope: SMTPEnvelope) throws(SMTPError) -> SMTPDeliveryReport {
        guard !envelope.recipients.isEmpty else { throw .invalidMessage(.noRecipient) }
        var parameters: [String] = []
        if envelope.needsSMTPUTF8 {
            guard capabilities.offers("SMTPUTF8") else { throw .extensionUnavailable("SMTPUTF8") }
            parameters.append("SMTPUTF8")
        }
        if content.contains(where: { $0 >= 0x80 }) {
            guard capabilities.offers("8BITMIME") else { throw .extensionUnavailable("8BITMIME") }
            parameters.append("BODY=8BITMIME")
        }
        let data = SMTPDataEncoding.encode(content)
        // RFC 1870: a server that states its limit can refuse a message too large before it is sent.
        if capabilities.offers("SIZE") { parameters.append("SIZE=\(data.count)") }

        let mail = try command(
            (["MAIL FROM:<\(envelope.sender.address)>"] + parameters).joined(separator: " "), stage: .mailFrom)
        guard mail.isPositiveCompletion else { throw SMTPError(stage: .mailFrom, reply: mail) }
        var accepted: [MailAddress] = []
        var refused: [SMTPRecipientRefusal] = []
        for recipient in envelope.recipients {
            let reply = try command("RCPT TO:<\(recipient.address)>", stage: .recipients)
            if reply.isPositiveCompletion {
                accepted.append(recipient)
            } else {
                refused.append(SMTPRecipientRefusal(recipient: recipient, reply: reply))
            }
        }
        guard !accepted.isEmpty else { throw .recipientsRefused(refused) }
        let start = try command("DATA", stage: .data)
        guard start.code == 354 else { throw SMTPError(stage: .data, reply: start) }
        let deadline = ContinuousClock.now + configuration.messageTimeout
        try write(data, stage: .message, deadline: deadline)
        let reply = try reader.read(from: stream, deadline: deadline, stage: .message)
        guard reply.isPositiveCompletion else { throw SMTPError(stage: .message, reply: reply) }
        return SMTPDeliveryReport(accepted: accepted, refused: refused, reply: reply, tlsProtocol: tlsProtocol)
    }

    /// Ends the session: QUIT when the conversation is still in order (no error, or an error the server replied
    /// to), then closes the connection. A lost or broken connection is only closed: nobody would read the QUIT.
    func end(after error: SMTPError? = nil) {
        if error?.leavesConnectionUsable ?? true {
            _ = try? command("QUIT", stage: .message)
        }
        stream.close(deadline: ContinuousClock.now + configuration.commandTimeout)
    }

    private func greet() throws(SMTPError) {
        let greeting = try reader.read(
            from: stream, deadline: ContinuousClock.now + configuration.commandTimeout, stage: .greeting)
        guard greeting.code == 220 else { throw SMTPError(stage: .greeting, reply: greeting) }
    }

    /// EHLO, and HELO when the server does not know EHLO (a 5xx to it, RFC 5321 §3.2); HELO announces no
    /// extension.
    private func hello() throws(SMTPError) {
        let ehlo = try command("EHLO \(configuration.heloName)", stage: .hello)
        if ehlo.isPositiveCompletion {
            capabilities = SMTPCapabilities(ehlo: ehlo)
            return
        }
        guard ehlo.isPermanentFailure else { throw SMTPError(stage: .hello, reply: ehlo) }
        let helo = try command("HELO \(configuration.heloName)", stage: .hello)
        guard helo.isPositiveCompletion else { throw SMTPError(stage: .hello, reply: helo) }
        capabilities = SMTPCapabilities()
    }

    /// STARTTLS (RFC 3207): the command, the handshake over `tcp` with the server's certificate verified, then
    /// EHLO again, since what the server announced in plain text is forgotten (§4.2).
    private func startTLS(over tcp: TCPStream) throws(SMTPError) {
        let reply = try command("STARTTLS", stage: .startTLS)
        guard reply.code == 220 else { throw SMTPError(stage: .startTLS, reply: reply) }
        guard !reader.hasBufferedBytes else {
            throw SMTPError(stage: .startTLS, protocolViolation: "the server sent bytes after its 220 to STARTTLS")
        }
        do {
            let tls = try TLSStream(
                over: tcp, serverName: configuration.server.host, context: tlsContext,
                deadline: ContinuousClock.now + configuration.commandTimeout)
            stream = tls
            tlsProtocol = tls.protocolVersion
        } catch {
            throw SMTPError(stage: .startTLS, transport: error)
        }
        try hello()
    }

    /// AUTH with PLAIN (RFC 4616), else LOGIN; only over TLS, whatever the server offers in plain text.
    private func authenticate(username: String, password: String) throws(SMTPError) {
        guard tlsProtocol != nil else { throw .tlsUnavailable(stage: .authentication) }
        let mechanisms = capabilities.authenticationMechanisms
        let steps: [(line: String, code: Int)]
        if mechanisms.contains("PLAIN") {
            // Authorization identity (empty: the user's own), NUL, user, NUL, password, as the initial response.
            let response = Base64.encodedString([0] + Array(username.utf8) + [0] + Array(password.utf8))
            steps = [("AUTH PLAIN \(response)", 235)]
        } else if mechanisms.contains("LOGIN") {
            // The server prompts twice (334); the answers are the user and the password, each in base64.
            steps = [
                ("AUTH LOGIN", 334), (Base64.encodedString(Array(username.utf8)), 334),
                (Base64.encodedString(Array(password.utf8)), 235),
            ]
        } else {
            throw .authenticationUnavailable(offered: mechanisms)
        }
        for step in steps {
            let reply = try command(step.line, stage: .authentication)
            guard reply.code == step.code else { throw SMTPError(stage: .authentication, reply: reply) }
        }
    }

    /// Writes `line` and CRLF, and reads the reply, within one command timeout.
    private func command(_ line: String, stage: SMTPError.Stage) throws(SMTPError) -> SMTPReply {
        let deadline = ContinuousClock.now + configuration.commandTimeout
        try write(Array((line + "\r\n").utf8), stage: stage, deadline: deadline)
        return try reader.read(from: stream, deadline: deadline, stage: stage)
    }

    private func write(_ bytes: [UInt8], stage: SMTPError.Stage, deadline: ContinuousClock.Instant) throws(SMTPError) {
        do {
            try stream.write(bytes, deadline: deadline)
        } catch {
            throw SMTPError(stage: stage, transport: error)
        }
    }
}
