import Foundation

/// Hands access-log lines from event loops and workers to one log thread through a bounded buffer.
///
/// Producers never wait on the sink: when the buffer is full the line is dropped and counted, and the count is
/// reported as a log line of its own once there is room again.
final class AccessLogger: @unchecked Sendable {
    // `condition` guards `pending`, `dropped`, `unreported`, `stopping` and `sleeping`.
    private let condition = NSCondition()
    private var pending: [String] = []
    private var dropped = 0
    private var unreported = 0
    private var stopping = false
    private var sleeping = false
    private let capacity: Int
    private let sink: AccessLogSink
    private let finished = DispatchSemaphore(value: 0)

    var isEnabled: Bool {
        if case .disabled = sink.kind { return false }
        return true
    }

    init(sink: AccessLogSink, capacity: Int) {
        self.sink = sink
        self.capacity = max(1, capacity)
    }

    /// Lines dropped since start because the buffer was full.
    var droppedLines: Int {
        condition.lock()
        defer { condition.unlock() }
        return dropped
    }

    func start() {
        let thread = Thread { [self] in run() }
        thread.name = "http-access-log"
        thread.start()
    }

    func log(_ line: String) {
        condition.lock()
        if pending.count >= capacity {
            dropped += 1
            unreported += 1
            condition.unlock()
            return
        }
        pending.append(line)
        // Signal only a sleeping thread: under load the thread drains whole batches without wake-ups.
        let wake = sleeping
        condition.unlock()
        if wake { condition.signal() }
    }

    /// Writes what is buffered, then stops the log thread.
    func stop() {
        condition.lock()
        stopping = true
        condition.unlock()
        condition.signal()
        finished.wait()
    }

    private func run() {
        while true {
            condition.lock()
            while pending.isEmpty && !stopping {
                sleeping = true
                condition.wait()
                sleeping = false
            }
            var batch = pending
            pending.removeAll(keepingCapacity: true)
            if unreported > 0 {
                batch.append("access log: \(unreported) lines dropped (buffer full)")
                unreported = 0
            }
            let done = stopping && batch.isEmpty
            condition.unlock()
            if done { break }
            sink.write(batch)
        }
        finished.signal()
    }
}
