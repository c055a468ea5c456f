import Foundation
import NafidhaContract

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

extension StaffClient {
    /// Sends `method requestTarget` with an optional body (JSON unless `contentType` says otherwise); returns the
    /// status and body of the answer.
    /// `http://` goes over a plain socket (`PlainHTTPExchange`), `https://` through URLSession (TLS).
    func exchange(
        _ method: RouteMethod, _ requestTarget: String, body: [UInt8]?, contentType: String = "application/json"
    ) throws(ClientFailure) -> ClientAnswer {
        guard let base = URL(string: credentials.url), base.scheme == "http" || base.scheme == "https",
            let url = URL(string: credentials.url.trimmingSuffix("/") + requestTarget)
        else {
            throw .notConfigured("NAFIDHA_URL is not an http:// or https:// URL")
        }
        var fields: [(String, String)] = [("Accept", "application/json")]
        // Public routes (the verification of a decision) are called without a token.
        if !credentials.token.isEmpty { fields.insert(("Authorization", "Bearer \(credentials.token)"), at: 0) }
        if let language { fields.append(("Accept-Language", language.rawValue)) }
        if body != nil { fields.append(("Content-Type", contentType)) }
        guard !fields.contains(where: { $0.1.contains("\r") || $0.1.contains("\n") }) else {
            throw .notConfigured("NAFIDHA_TOKEN must be a single line")
        }
        let answer: ClientAnswer
        if base.scheme == "http" {
            let exchange = PlainHTTPExchange(
                host: base.host ?? "127.0.0.1", port: base.port ?? 80, timeout: timeout,
                maximumBytes: responseLimit)
            // The target as encoded: `url.path` would decode a percent-encoded segment back into a `/`.
            let basePath = URLComponents(url: base, resolvingAgainstBaseURL: false)?.percentEncodedPath ?? ""
            let target = basePath.trimmingSuffix("/") + requestTarget
            let host = (base.host ?? "") + (base.port.map { ":\($0)" } ?? "")
            let head =
                "\(method.rawValue) \(target) HTTP/1.1\r\nHost: \(host)\r\n"
                + fields.map { "\($0.0): \($0.1)\r\n" }.joined()
            answer = try exchange.perform(head: head, body: body ?? [])
        } else {
            var request = URLRequest(url: url, timeoutInterval: timeout)
            request.httpMethod = method.rawValue
            for (name, value) in fields { request.setValue(value, forHTTPHeaderField: name) }
            if let body { request.httpBody = Data(body) }
            let (data, response) = try send(request)
            answer = ClientAnswer(
                status: response.statusCode, body: Array(data),
                headers: response.allHeaderFields.compactMap { name, value in
                    guard let name = name as? String, let value = value as? String else { return nil }
                    return (name.lowercased(), value)
                })
        }
        guard answer.body.count <= responseLimit else { throw .badResponse("is too large") }
        return answer
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
        guard let response = response as? HTTPURLResponse else { throw .badResponse("is not HTTP") }
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
