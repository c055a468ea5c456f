import Foundation
import NafidhaContract

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The clerk CLI's HTTP client for the staff API: one blocking call at a time on the CLI's own thread, bounded by
/// timeouts; failures come back as `ClientFailure` (unreachable, refused with the server's message, or garbled).
/// `http://` goes over a plain socket (`PlainHTTPExchange`), `https://` through URLSession (TLS).
struct StaffClient {
    /// Seconds to wait for an answer before calling the server unreachable (`NAFIDHA_TIMEOUT`, default 30).
    static let defaultTimeout: TimeInterval = 30
    /// The largest answer read (8 MiB), so a broken server cannot exhaust the CLI's memory.
    static let maximumResponseBytes = 8 << 20

    let credentials: ClientCredentials
    let timeout: TimeInterval

    init(credentials: ClientCredentials, environment: [String: String]) {
        self.credentials = credentials
        timeout =
            environment["NAFIDHA_TIMEOUT"].flatMap(TimeInterval.init).map { min(max($0, 1), 600) }
            ?? Self.defaultTimeout
    }

    /// Sends `method path` with an optional JSON body and returns the decoded JSON answer of a 2xx response.
    func call(_ method: String, _ path: String, body: [String: Any]? = nil) throws(ClientFailure) -> Any {
        guard let base = URL(string: credentials.url), base.scheme == "http" || base.scheme == "https",
            let url = URL(string: credentials.url.trimmingSuffix("/") + path)
        else {
            throw .notConfigured("NAFIDHA_URL is not an http:// or https:// URL")
        }
        var fields: [(String, String)] = [
            ("Authorization", "Bearer \(credentials.token)"), ("Accept", "application/json"),
        ]
        if let language = ProcessInfo.processInfo.environment["LANG"]?.prefix(2), ["ar", "fr", "en"].contains(language)
        {
            fields.append(("Accept-Language", String(language)))
        }
        var bodyBytes: [UInt8] = []
        if let body {
            fields.append(("Content-Type", "application/json"))
            bodyBytes = (try? JSONSerialization.data(withJSONObject: body)).map { Array($0) } ?? []
        }
        guard !fields.contains(where: { $0.1.contains("\r") || $0.1.contains("\n") }) else {
            throw .notConfigured("NAFIDHA_TOKEN must be a single line")
        }
        let (status, responseBody): (Int, [UInt8])
        if base.scheme == "http" {
            let exchange = PlainHTTPExchange(
                host: base.host ?? "127.0.0.1", port: base.port ?? 80, timeout: timeout,
                maximumBytes: Self.maximumResponseBytes)
            let target = (url.path.isEmpty ? "/" : url.path) + (url.query.map { "?" + $0 } ?? "")
            let head =
                "\(method) \(target) HTTP/1.1\r\nHost: \(base.host ?? "")\(base.port.map { ":\($0)" } ?? "")\r\n"
                + fields.map { "\($0.0): \($0.1)\r\n" }.joined()
            (status, responseBody) = try exchange.perform(head: head, body: bodyBytes)
        } else {
            var request = URLRequest(url: url, timeoutInterval: timeout)
            request.httpMethod = method
            for (name, value) in fields { request.setValue(value, forHTTPHeaderField: name) }
            if body != nil { request.httpBody = Data(bodyBytes) }
            let (data, response) = try send(request)
            (status, responseBody) = (response.statusCode, Array(data))
        }
        let data = Data(responseBody)
        guard data.count <= Self.maximumResponseBytes else { throw .badResponse("the answer is too large") }
        let json = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        guard (200..<300).contains(status) else {
            let error = (json as? [String: Any])?["error"] as? [String: Any]
            throw .refused(
                status: status, code: error?["code"] as? String ?? "http_\(status)",
                message: error?["message"] as? String ?? "the server answered \(status)")
        }
        guard let json else { throw .badResponse("the answer is not JSON") }
        return json
    }

    private func send(_ request: URLRequest) throws(ClientFailure) -> (Data, HTTPURLResponse) {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout
        let session = URLSession(configuration: configuration)
        defer { session.finishTasksAndInvalidate() }
        let done = DispatchSemaphore(value: 0)
        let outcome = OutcomeBox()
        session.dataTask(with: request) { data, response, error in
            outcome.set(data: data, response: response, error: error)
            done.signal()
        }.resume()
        // The session's own timeouts end the task; the extra second only guards against a lost callback.
        guard done.wait(timeout: .now() + timeout + 1) == .success else {
            throw .unreachable("no answer in \(Int(timeout)) s")
        }
        let (data, response, error) = outcome.get()
        if let error { throw .unreachable(error.localizedDescription) }
        guard let response = response as? HTTPURLResponse else { throw .badResponse("not an HTTP response") }
        return (data ?? Data(), response)
    }
}

/// The completion handler's results, handed from URLSession's delegate queue to the waiting CLI thread.
private final class OutcomeBox: @unchecked Sendable {
    // Guarded by `lock`: written once on URLSession's queue, read after the semaphore on the CLI thread.
    private let lock = NSLock()
    private var value: (Data?, URLResponse?, (any Error)?) = (nil, nil, nil)

    func set(data: Data?, response: URLResponse?, error: (any Error)?) {
        lock.withLock { value = (data, response, error) }
    }

    func get() -> (Data?, URLResponse?, (any Error)?) {
        lock.withLock { value }
    }
}

extension String {
    fileprivate func trimmingSuffix(_ suffix: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) : self
    }
}
