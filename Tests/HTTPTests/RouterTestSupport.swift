import HTTP

/// Parses `target` as a real request line would be, so routing sees the raw path as the server gives it.
func parsedRequest(_ method: String, _ target: String, headers: [(String, String)] = []) throws -> HTTPRequest {
    var text = "\(method) \(target) HTTP/1.1\r\nHost: test\r\n"
    for (name, value) in headers { text += "\(name): \(value)\r\n" }
    var parser = HTTPParser()
    parser.feed(Array((text + "\r\n").utf8))
    guard case .head(let head) = try parser.next() else { throw RoutingTestFailure() }
    return HTTPRequest(head: head)
}

/// Answers a request in-process, with thrown `HTTPError`s rendered as the server renders them.
func answer(_ responder: some HTTPResponder, _ method: String, _ target: String, headers: [(String, String)] = [])
    throws -> HTTPResponse
{
    let request = try parsedRequest(method, target, headers: headers)
    do {
        return try responder.respond(to: request, context: RequestContext(requestID: "test"))
    } catch let error as HTTPError {
        return error.response
    }
}

extension HTTPResponse {
    /// The body of a bytes response as text.
    var text: String {
        if case .bytes(let bytes) = body { return String(decoding: bytes, as: UTF8.self) }
        return ""
    }

    /// The values of the `X-Trace` fields the test middleware added, innermost first.
    var trace: [String] { headers["X-Trace"] }
}

struct RoutingTestFailure: Error {}

/// Adds `X-Trace: tag` to every response it sees, errors rendered first, so tests see which middleware ran.
struct TraceMiddleware<Context: RequestContextProtocol>: HTTPMiddleware {
    let tag: String

    func handle(
        _ request: HTTPRequest, context: Context, next: (HTTPRequest, Context) throws -> HTTPResponse
    ) throws -> HTTPResponse {
        var response: HTTPResponse
        do {
            response = try next(request, context)
        } catch let error as HTTPError {
            response = error.response
        }
        response.headers.add(name: "X-Trace", value: tag)
        return response
    }
}
