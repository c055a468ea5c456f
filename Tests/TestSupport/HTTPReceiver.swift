import Foundation
import HTTP
import Synchronization

/// A real local HTTP receiver for delivery tests (an SMS gateway, a webhook endpoint): a server of our HTTP module
/// on an ephemeral port that records every request it gets and answers as the test says, per request.
public final class HTTPReceiver: Sendable {
    /// One request as received.
    public struct Received: Sendable {
        /// `POST`, ...
        public var method: String
        /// The path with its query.
        public var target: String
        /// The header fields in order.
        public var headers: [(name: String, value: String)]
        /// The body.
        public var body: [UInt8]

        /// The first value of header `name`, case-insensitively.
        public func header(_ name: String) -> String? {
            headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
        }

        /// The body as UTF-8 text.
        public var text: String { String(decoding: body, as: UTF8.self) }

        /// The body as a JSON object.
        public var json: [String: Any] {
            (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any] ?? [:]
        }
    }

    /// How to answer one request.
    public struct Answer: Sendable {
        /// The status.
        public var status: Int
        /// Extra header fields.
        public var headers: [(name: String, value: String)]
        /// Seconds to wait before answering (a slow receiver).
        public var delay: Double

        /// An answer.
        public init(_ status: Int, headers: [(name: String, value: String)] = [], delay: Double = 0) {
            self.status = status
            self.headers = headers
            self.delay = delay
        }
    }

    /// The port it listens on, on 127.0.0.1.
    public let port: Int
    private let server: HTTPServer
    private let log: Log

    private final class Log: Sendable {
        let received = Mutex<[Received]>([])
        let answer: Mutex<@Sendable (Received, Int) -> Answer>

        init(answer: @escaping @Sendable (Received, Int) -> Answer) {
            self.answer = Mutex(answer)
        }
    }

    private struct Responder: HTTPResponder {
        let log: Log

        func respond(to request: HTTPRequest, context: RequestContext) throws -> HTTPResponse {
            let received = Received(
                method: request.method,
                target: request.head.rawPath + (request.head.rawQuery.map { "?" + $0 } ?? ""),
                headers: Array(request.headers), body: request.body)
            let index = log.received.withLock { list in
                list.append(received)
                return list.count - 1
            }
            let answer = log.answer.withLock { $0 }(received, index)
            if answer.delay > 0 { Thread.sleep(forTimeInterval: answer.delay) }
            return HTTPResponse(
                status: HTTPResponseStatus(code: answer.status), headers: HTTPHeaders(answer.headers),
                body: .bytes(Array("{}".utf8)))
        }
    }

    /// Starts a receiver on `port` (0: any free one) answering each request (and its index, from 0) with `answer`.
    public init(
        port: Int = 0, workers: Int = 16,
        answer: @escaping @Sendable (Received, Int) -> Answer = { _, _ in Answer(200) }
    ) throws {
        let log = Log(answer: answer)
        var configuration = HTTPServer.Configuration()
        configuration.port = port
        configuration.eventLoopCount = 1
        configuration.workerCount = workers
        configuration.accessLog = .disabled
        server = HTTPServer(configuration: configuration, responder: Responder(log: log))
        self.port = try server.start()
        self.log = log
    }

    /// `http://127.0.0.1:PORT` and `path`.
    public func url(_ path: String = "/") -> String {
        "http://127.0.0.1:\(port)\(path)"
    }

    /// Every request so far, in arrival order.
    public var requests: [Received] { log.received.withLock { $0 } }

    /// Answers from now on with `answer`.
    public func answer(with answer: @escaping @Sendable (Received, Int) -> Answer) {
        log.answer.withLock { $0 = answer }
    }

    /// Stops the server.
    public func shutdown() {
        server.shutdown()
    }

    /// Runs `body` with a receiver on `port` (0: any free one), stopped afterwards.
    public static func with<T>(
        port: Int = 0, answer: @escaping @Sendable (Received, Int) -> Answer = { _, _ in Answer(200) },
        _ body: (HTTPReceiver) throws -> T
    ) throws -> T {
        let receiver = try HTTPReceiver(port: port, answer: answer)
        defer { receiver.shutdown() }
        return try body(receiver)
    }
}
