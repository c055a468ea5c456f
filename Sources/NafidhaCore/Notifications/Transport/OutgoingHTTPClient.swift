import Foundation
import Transport

/// A small blocking HTTP/1.1 client for deliveries, every step bounded (connect timeout, one deadline for the whole
/// exchange, header and body size caps), redirects never followed (a 3xx is an answer like any other), interim 1xx
/// answers skipped. Connections are kept alive between deliveries to the same origin (`IdleConnections`): a gateway
/// receiving thousands of messages a minute would otherwise pay a TCP handshake, and over https a TLS handshake, for
/// each. Runs on the delivery workers' own threads; the stream comes from a `StreamConnector`, so TLS plugs in there.
public struct OutgoingHTTPClient: Sendable {
    /// Bounds of one exchange; every one has a default (docs/operations.md).
    public struct Settings: Sendable, Equatable {
        /// From the first connection attempt to a connected socket (5 s).
        public var connectTimeout: Duration = .seconds(5)
        /// From the first connection attempt to the whole answer (10 s).
        public var requestTimeout: Duration = .seconds(10)
        /// The largest header block accepted (16 KiB).
        public var maximumHeaderBytes = 16 * 1024
        /// The most body bytes read (64 KiB); the rest is not read, the status is what counts.
        public var maximumBodyBytes = 64 * 1024
        /// Idle connections kept for reuse, all origins together (64); 0 closes each after its answer.
        public var maximumIdleConnections = 64
        /// How long an idle connection is kept (4 s): shorter than the usual servers' keep-alive timeouts (5 s and
        /// more), so a server rarely closes one just as it is reused.
        public var idleTimeout: Duration = .seconds(4)

        /// The defaults above.
        public init() {}
    }

    /// What failed before an answer came.
    public enum Failure: Error, Sendable, CustomStringConvertible {
        /// The connection or the exchange failed.
        case transport(TransportError)
        /// The peer answered something that is not HTTP/1.x.
        case malformedAnswer(String)
        /// A header value would break the request (CR or LF in it).
        case invalidHeader(String)

        /// One line.
        public var description: String {
            switch self {
            case .transport(let error): error.description
            case .malformedAnswer(let reason): "the answer is not HTTP/1.1: \(reason)"
            case .invalidHeader(let name): "the header \(name) holds a line break"
            }
        }
    }

    /// The bounds.
    public let settings: Settings
    /// Where streams come from.
    public let connector: any StreamConnector
    private let idle: IdleConnections

    /// A client; `connector` defaults to the network (TCP, and TLS for https).
    public init(settings: Settings = Settings(), connector: any StreamConnector = NetworkConnector()) {
        self.settings = settings
        self.connector = connector
        idle = IdleConnections(maximumCount: settings.maximumIdleConnections, idleTimeout: settings.idleTimeout)
    }

    /// Closes the idle connections (the dispatcher stops); the client stays usable.
    public func closeIdleConnections() {
        idle.closeAll()
    }

    /// POSTs `body` to `url` with `headers` (plus Host, Content-Length and User-Agent) and returns the answer,
    /// whatever its status. An idle connection to the same origin is used when there is one; if the server had
    /// closed it before answering anything, the request goes again once on a new connection (the server saw
    /// nothing; and deliveries are at-least-once with a stable message id anyway: docs/notifications.md).
    public func post(_ url: OutgoingURL, headers: [(name: String, value: String)], body: [UInt8]) throws(Failure)
        -> OutgoingResponse
    {
        let start = ContinuousClock.now
        var head = "POST \(url.target) HTTP/1.1\r\nHost: \(url.hostHeader)\r\nUser-Agent: nafidha\r\n"
        for (name, value) in headers {
            guard !name.contains(where: \.isNewline), !value.contains(where: \.isNewline) else {
                throw .invalidHeader(name)
            }
            head += "\(name): \(value)\r\n"
        }
        head += "Content-Length: \(body.count)\r\n\r\n"
        let request = Array(head.utf8) + body
        let origin = IdleConnections.Origin(host: url.host, port: url.port, tls: url.secure)
        let deadline = start + settings.requestTimeout
        do {
            if let stream = idle.take(origin) {
                if let answer = try exchange(request, on: stream, origin: origin, deadline: deadline, reused: true) {
                    return answer
                }
            }
            let stream = try connector.connect(
                host: url.host, port: url.port, tls: url.secure, deadline: start + settings.connectTimeout)
            // A new connection always answers or throws: only a reused one may come back empty.
            return try exchange(request, on: stream, origin: origin, deadline: deadline, reused: false)!
        } catch let error as TransportError {
            throw .transport(error)
        } catch let error as Failure {
            throw error
        } catch {
            throw .malformedAnswer("\(error)")
        }
    }

    /// Sends `request` on `stream` and reads the answer; the stream is parked again when the answer allows it,
    /// closed otherwise. Nil when `reused` and the server had closed the connection before answering a byte.
    private func exchange(
        _ request: [UInt8], on stream: any ByteStream, origin: IdleConnections.Origin,
        deadline: ContinuousClock.Instant, reused: Bool
    ) throws -> OutgoingResponse? {
        var reader = ResponseReader(
            stream: stream, deadline: deadline, maximumHeaderBytes: settings.maximumHeaderBytes,
            maximumBodyBytes: settings.maximumBodyBytes)
        do {
            try stream.write(request, deadline: deadline)
            let answer = try reader.read()
            if reader.reusable {
                idle.give(stream, to: origin)
            } else {
                stream.close(deadline: min(deadline, .now + .seconds(1)))
            }
            return answer
        } catch {
            stream.close(deadline: min(deadline, .now + .seconds(1)))
            // Nothing came back and time did not run out: the server had closed the idle connection.
            let timedOut = (error as? TransportError)?.isTimeout ?? false
            if reused && !timedOut && !reader.receivedAnything { return nil }
            throw error
        }
    }
}
