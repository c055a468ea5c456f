import Foundation

/// The hand-off between a worker writing a streamed body and the event loop sending it, with backpressure.
///
/// The worker frames chunks (off the loop) and appends them here; it blocks while the sink holds more than the
/// high-water mark. The loop takes everything when its socket has room, which wakes the worker.
final class StreamSink: @unchecked Sendable {
    // `condition` guards `chunks`, `bufferedBytes`, `finished` and `failure`.
    private let condition = NSCondition()
    private var chunks: [UInt8] = []
    private var bufferedBytes = 0
    private var finished = false
    private var failure: HTTPStreamError?
    private let chunked: Bool
    private let highWater: Int
    private let waitLimit: UInt64
    private let notify: @Sendable () -> Void

    /// - Parameters:
    ///   - chunked: frame writes as chunks (HTTP/1.1); HTTP/1.0 gets raw bytes ended by the close.
    ///   - notify: asks the loop to pump this sink (called when data or the end becomes available).
    init(highWater: Int, waitLimit: UInt64, chunked: Bool, notify: @escaping @Sendable () -> Void) {
        self.chunked = chunked
        self.highWater = highWater
        self.waitLimit = waitLimit
        self.notify = notify
    }

    func write(_ bytes: [UInt8]) throws(HTTPStreamError) {
        condition.lock()
        let deadline = Date(timeIntervalSinceNow: Double(waitLimit) / 1e9)
        while bufferedBytes >= highWater && failure == nil {
            if !condition.wait(until: deadline) && bufferedBytes >= highWater && failure == nil {
                failure = .writeTimeout
            }
        }
        if let failure {
            condition.unlock()
            throw failure
        }
        let wasEmpty = bufferedBytes == 0
        if chunked {
            chunks.append(contentsOf: Array(String(bytes.count, radix: 16).utf8))
            chunks.append(13)
            chunks.append(10)
            chunks.append(contentsOf: bytes)
            chunks.append(13)
            chunks.append(10)
        } else {
            chunks.append(contentsOf: bytes)
        }
        bufferedBytes = chunks.count
        condition.unlock()
        if wasEmpty { notify() }
    }

    /// The writer returned (`ok`) or threw; the loop sends the last chunk or closes the connection.
    func finish(ok: Bool) {
        condition.lock()
        finished = true
        if !ok && failure == nil { failure = .connectionClosed }
        condition.unlock()
        notify()
    }

    /// The connection is gone: any blocked or later write throws `error`.
    func fail(_ error: HTTPStreamError) {
        condition.lock()
        if failure == nil { failure = error }
        condition.unlock()
        condition.broadcast()
    }

    enum Take {
        case bytes([UInt8])
        case nothing
        case end
        case failed
    }

    /// Called by the loop: takes everything buffered, or reports the end.
    func take() -> Take {
        condition.lock()
        defer { condition.unlock() }
        if !chunks.isEmpty {
            let bytes = chunks
            chunks = []
            bufferedBytes = 0
            condition.broadcast()
            return .bytes(bytes)
        }
        if finished {
            return failure == nil ? .end : .failed
        }
        return .nothing
    }
}
