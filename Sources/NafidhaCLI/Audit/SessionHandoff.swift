import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Hands a URLSession data task's response from the session's delegate queue to the thread that writes it, in
/// order, holding a bounded amount in between.
final class SessionHandoff: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    /// What the task delivered.
    enum Event {
        /// The status and the export's id.
        case head(status: Int, exportID: String?)
        /// A piece of the body.
        case piece([UInt8])
    }

    /// The most bytes held between the delegate and the writer (1 MiB); the delegate waits beyond.
    static let highWaterBytes = 1 << 20

    // `condition` guards every variable below.
    private let condition = NSCondition()
    private var events: [Event] = []
    private var bufferedBytes = 0
    private var finished = false
    private var stopped = false
    private var error: (any Error)?

    /// Why the task failed, once `next()` returned nil; nil when it completed.
    var failure: (any Error)? {
        condition.withLock { error }
    }

    func urlSession(
        _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
        completionHandler: @escaping (URLSession.ResponseDisposition) -> Void
    ) {
        let http = response as? HTTPURLResponse
        let id = http?.allHeaderFields.first { ($0.key as? String)?.lowercased() == "nafidha-export-id" }?.value
        push(.head(status: http?.statusCode ?? 0, exportID: id as? String), bytes: 0)
        completionHandler(.allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        push(.piece([UInt8](data)), bytes: data.count)
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        condition.withLock {
            finished = true
            self.error = error
        }
        condition.broadcast()
    }

    /// The next event, waiting for it; nil once the task ended and everything was taken.
    func next() -> Event? {
        condition.lock()
        defer { condition.unlock() }
        while events.isEmpty && !finished { condition.wait() }
        guard !events.isEmpty else { return nil }
        let event = events.removeFirst()
        if case .piece(let bytes) = event { bufferedBytes -= bytes.count }
        condition.broadcast()
        return event
    }

    /// The writer gave up: a delegate waiting for room returns.
    func stop() {
        condition.withLock { stopped = true }
        condition.broadcast()
    }

    private func push(_ event: Event, bytes: Int) {
        condition.lock()
        while bufferedBytes >= Self.highWaterBytes && !stopped { condition.wait() }
        events.append(event)
        bufferedBytes += bytes
        condition.unlock()
        condition.broadcast()
    }
}
