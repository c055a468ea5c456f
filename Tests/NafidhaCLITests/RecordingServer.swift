import HTTP
import NafidhaAPI
import Synchronization
import TestSupport

/// The real API router on an ephemeral port, remembering the body of every answer it sent, so a test can compare
/// what the CLI wrote with what the server rendered.
final class RecordingServer: Sendable {
    /// The server's base URL, `http://127.0.0.1:PORT`.
    let url: String
    private let recorder: Recorder
    private let server: HTTPServer

    private init(url: String, recorder: Recorder, server: HTTPServer) {
        self.url = url
        self.recorder = recorder
        self.server = server
    }

    /// Runs `body` with a server over `world`'s services (routed with `settings`), then shuts it down.
    static func with<T>(
        _ world: StaffTestWorld, settings: APIRouter.Settings = APIRouter.Settings(),
        _ body: (RecordingServer) throws -> T
    ) throws -> T {
        var configuration = HTTPServer.Configuration()
        configuration.port = 0
        configuration.accessLog = .disabled
        let recorder = Recorder(router: APIRouter.make(services: world.services, settings: settings))
        let server = HTTPServer(configuration: configuration, responder: recorder)
        let port = try server.start()
        defer { server.shutdown() }
        return try body(RecordingServer(url: "http://127.0.0.1:\(port)", recorder: recorder, server: server))
    }

    /// The body of the last answer to a request whose path starts with `prefix`.
    func lastBody(under prefix: String) -> [UInt8]? {
        recorder.bodies.withLock { $0.last { $0.path.hasPrefix(prefix) }?.body }
    }

    /// The environment of a CLI session with `token` against this server.
    func session(_ token: String) -> [String: String] {
        ["NAFIDHA_URL": url, "NAFIDHA_TOKEN": token]
    }
}

/// Answers with the router and keeps each answer's body.
private final class Recorder: HTTPResponder {
    let router: HTTPRouter<APIContext>
    let bodies = Mutex<[(path: String, body: [UInt8])]>([])

    init(router: HTTPRouter<APIContext>) {
        self.router = router
    }

    func respond(to request: HTTPRequest, context: RequestContext) throws -> HTTPResponse {
        let response = try router.respond(to: request, context: context)
        if case .bytes(let body) = response.body {
            bodies.withLock { $0.append((request.path, body)) }
        }
        return response
    }
}
