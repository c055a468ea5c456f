import Foundation

/// The hand-off of a streaming request body from the event loop that reads it to the worker that consumes it, with
/// backpressure: the loop pushes what the parser yields and stops reading the socket while `isFull`; the worker
/// blocks in `read()` until bytes, the end or a failure arrive, and wakes the loop when it drained a full buffer.
final class BodyStream: @unchecked Sendable {
    // `condition` guards `chunks`, `buffered`, `finished` and `failure`.
    private let condition = NSCondition()
    private var chunks: [[UInt8]] = []
    private var head = 0
    private var buffered = 0
    private var finished = false
    private var failure: HTTPError?
    private let capacity: Int
    private let waitLimit: Double
    private let drained: @Sendable () -> Void

    /// - Parameters:
    ///   - capacity: bytes held before the loop stops reading.
    ///   - waitLimit: seconds a `read()` waits for anything at all (the loop's own deadlines close a silent client
    ///     sooner; this only bounds a worker's wait should the loop never answer).
    ///   - drained: asks the loop to read again (called when a worker emptied a full buffer).
    init(capacity: Int, waitLimit: Double, drained: @escaping @Sendable () -> Void) {
        self.capacity = max(1, capacity)
        self.waitLimit = waitLimit
        self.drained = drained
    }

    /// Called by the loop with the next body bytes; never blocks.
    func push(_ bytes: [UInt8]) {
        condition.lock()
        if failure == nil && !finished {
            chunks.append(bytes)
            buffered += bytes.count
        }
        condition.unlock()
        condition.broadcast()
    }

    /// Whether the loop should stop reading until the worker drains the buffer.
    var isFull: Bool {
        condition.lock()
        defer { condition.unlock() }
        return buffered >= capacity
    }

    /// Called by the loop at the end of the body.
    func finish() {
        condition.lock()
        finished = true
        condition.unlock()
        condition.broadcast()
    }

    /// The body cannot complete (the client left, a deadline passed, it is malformed or too large): pending and
    /// later reads throw `error`. The first failure wins.
    func fail(_ error: HTTPError) {
        condition.lock()
        if failure == nil && !(finished && chunks.count == head) { failure = error }
        condition.unlock()
        condition.broadcast()
    }

    /// Called by the worker: the next bytes, nil at the end of the body.
    func read() throws(HTTPError) -> [UInt8]? {
        condition.lock()
        let deadline = Date(timeIntervalSinceNow: waitLimit)
        while head == chunks.count && !finished && failure == nil {
            if !condition.wait(until: deadline) && head == chunks.count && !finished && failure == nil {
                failure = HTTPError.incompleteBody
            }
        }
        if let failure {
            condition.unlock()
            throw failure
        }
        guard head < chunks.count else {
            condition.unlock()
            return nil
        }
        let bytes = chunks[head]
        chunks[head] = []
        head += 1
        if head == chunks.count {
            chunks.removeAll(keepingCapacity: true)
            head = 0
        }
        let wasFull = buffered >= capacity
        buffered -= bytes.count
        let wake = wasFull && buffered < capacity
        condition.unlock()
        if wake { drained() }
        return bytes
    }
}
