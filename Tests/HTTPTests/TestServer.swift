import Foundation
import HTTP
import Synchronization

/// Collects access-log lines so tests can assert on them.
final class LogCapture: Sendable {
    private let lines = Mutex<[String]>([])

    var sink: AccessLogSink {
        .custom { [self] line in record(line) }
    }

    func record(_ line: String) {
        lines.withLock { $0.append(line) }
    }

    var all: [String] { lines.withLock { $0 } }
}

/// Starts a server on an ephemeral port with `router`, runs `body`, and always shuts the server down.
func withServer(
    _ router: Router,
    log: LogCapture = LogCapture(),
    _ change: ConfigurationChange = ConfigurationChange { _ in },
    _ body: (Int) throws -> Void
) throws {
    var configuration = HTTPServer.Configuration()
    configuration.port = 0
    configuration.eventLoopCount = 2
    configuration.workerCount = 4
    configuration.accessLog = log.sink
    change.apply(&configuration)
    let server = HTTPServer(configuration: configuration, responder: router)
    let port = try server.start()
    defer { server.shutdown() }
    try body(port)
}

/// A change to the test server's configuration, e.g. `.configured { $0.maxBodyBytes = 10 }`.
struct ConfigurationChange {
    let apply: (inout HTTPServer.Configuration) -> Void

    static func configured(_ apply: @escaping (inout HTTPServer.Configuration) -> Void) -> ConfigurationChange {
        ConfigurationChange(apply: apply)
    }
}

/// A router with the few routes most server tests need.
func basicRouter() -> Router {
    let router = Router()
    router.get("/healthz", inline: true) { _, _ in .text("ok") }
    router.get("/hello") { _, _ in .json(#"{"hello":"world"}"#) }
    router.post("/echo") { request, _ in
        HTTPResponse(status: .ok, body: .bytes(request.body))
    }
    return router
}

/// A counting semaphore usable from test closures (DispatchSemaphore is Sendable).
typealias Gate = DispatchSemaphore

/// A largest-value-seen cell shared between a handler and the test.
final class MaxCell: Sendable {
    private let value = Mutex<Int>(0)

    func record(_ candidate: Int) {
        value.withLock { $0 = max($0, candidate) }
    }

    var current: Int { value.withLock { $0 } }
}
