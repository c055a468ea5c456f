import Foundation
import HTTP
import NafidhaAPI
import NafidhaCore
import Postgres

/// An in-process client for the API's router: requests go through the real HTTP parser and the router's
/// middleware, without sockets; thrown `HTTPError`s become responses as the server renders them.
struct APIClient: Sendable {
    let router: HTTPRouter<APIContext>
    /// The peer address the requests come from (what the failed-authentication throttle counts by).
    var remoteAddress = "192.0.2.1"

    /// A client over the full API router with the services over `pool` and the API's `settings`.
    init(pool: PostgresPool, settings: APIRouter.Settings = APIRouter.Settings()) {
        router = APIRouter.make(services: NafidhaServices(pool: pool), settings: settings)
    }

    /// The same router, requests coming from `address`.
    func from(_ address: String) -> APIClient {
        var client = self
        client.remoteAddress = address
        return client
    }

    /// Sends one request. `target` is the raw request-target (`/v1/services?municipality=TRP`).
    func send(
        _ method: String, _ target: String, headers: [(String, String)] = [], body: String? = nil
    ) throws -> APIResponse {
        try send(method, target, headers: headers, bodyBytes: body.map { Array($0.utf8) })
    }

    /// Sends one request with a raw byte body (e.g. invalid UTF-8).
    func send(
        _ method: String, _ target: String, headers: [(String, String)] = [], bodyBytes: [UInt8]?
    ) throws -> APIResponse {
        var raw = "\(method) \(target) HTTP/1.1\r\nHost: test\r\n"
        for (name, value) in headers {
            raw += "\(name): \(value)\r\n"
        }
        if let bodyBytes {
            if !headers.contains(where: { $0.0.lowercased() == "content-type" }) {
                raw += "Content-Type: application/json\r\n"
            }
            raw += "Content-Length: \(bodyBytes.count)\r\n"
        }
        raw += "\r\n"
        var parser = HTTPParser(limits: .init())
        parser.feed(Array(raw.utf8) + (bodyBytes ?? []))
        var head: HTTPRequestHead?
        var body: [UInt8] = []
        parsing: while let event = try parser.next() {
            switch event {
            case .head(let parsed): head = parsed
            case .body(let bytes): body += bytes
            case .end: break parsing
            }
        }
        guard let head else { throw APIClientError("the request did not parse") }
        let request = HTTPRequest(head: head, body: body)
        let response: HTTPResponse
        do {
            response = try router.respond(
                to: request, context: RequestContext(requestID: "test", remoteAddress: remoteAddress))
        } catch let error as HTTPError {
            response = error.response
        }
        guard case .bytes(let bytes) = response.body else {
            throw APIClientError("streamed bodies are read through a real server")
        }
        return APIResponse(status: response.status.code, headers: response.headers, body: bytes)
    }
}

/// A response as the client saw it.
struct APIResponse: Sendable {
    let status: Int
    let headers: HTTPHeaders
    let body: [UInt8]

    /// The body as UTF-8 text.
    var text: String { String(decoding: body, as: UTF8.self) }

    /// The body parsed as JSON (objects as `[String: Any]`, arrays as `[Any]`).
    func json() throws -> Any {
        try JSONSerialization.jsonObject(with: Data(body), options: [.fragmentsAllowed])
    }

    /// The body as a JSON object.
    func object() throws -> [String: Any] {
        guard let object = try json() as? [String: Any] else { throw APIClientError("not a JSON object: \(text)") }
        return object
    }

    /// `error.code` of a JSON error body.
    var errorCode: String? {
        ((try? object())?["error"] as? [String: Any])?["code"] as? String
    }
}

struct APIClientError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
