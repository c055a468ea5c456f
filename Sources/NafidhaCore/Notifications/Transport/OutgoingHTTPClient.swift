import Foundation
import Transport

/// A small blocking HTTP/1.1 client for deliveries: one POST per connection (`Connection: close`), every step
/// bounded (connect timeout, one deadline for the whole exchange, header and body size caps), redirects never
/// followed (a 3xx is an answer like any other), interim 1xx answers skipped. Runs on the delivery workers' own
/// threads; the stream comes from a `StreamConnector`, so TLS plugs in there.
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

    /// A client; `connector` defaults to the network (TCP, and TLS for https).
    public init(settings: Settings = Settings(), connector: any StreamConnector = NetworkConnector()) {
        self.settings = settings
        self.connector = connector
    }

    /// POSTs `body` to `url` with `headers` (plus Host, Content-Length, Connection and User-Agent) and returns the
    /// answer, whatever its status.
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
        head += "Content-Length: \(body.count)\r\nConnection: close\r\n\r\n"
        do {
            let stream = try connector.connect(
                host: url.host, port: url.port, tls: url.secure, deadline: start + settings.connectTimeout)
            let deadline = start + settings.requestTimeout
            defer { stream.close(deadline: min(deadline, .now + .seconds(1))) }
            try stream.write(Array(head.utf8) + body, deadline: deadline)
            var reader = ResponseReader(
                stream: stream, deadline: deadline, maximumHeaderBytes: settings.maximumHeaderBytes,
                maximumBodyBytes: settings.maximumBodyBytes)
            return try reader.read()
        } catch let error as TransportError {
            throw .transport(error)
        } catch let error as Failure {
            throw error
        } catch {
            throw .malformedAnswer("\(error)")
        }
    }
}
