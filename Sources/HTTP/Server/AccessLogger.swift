import Foundation

/// Hands access-log entries from event loops and workers to one log thread through a bounded buffer.
///
/// Producers never wait on the sink and never format: when the buffer is full the entry is dropped and counted,
/// and the count is reported as a line of its own once there is room again.
final class AccessLogger: @unchecked Sendable {
    enum Entry: Sendable {
        case request(AccessLogRecord)
        /// A message: `text` is the whole text line (the server's own lines keep their historical wording),
        /// `message` what the JSON line's `msg` holds.
        case message(LogLevel, text: String, message: String, requestID: String?)
    }

    // `condition` guards `pending`, `dropped`, `unreported`, `stopping` and `sleeping`.
    private let condition = NSCondition()
    private var pending: [Entry] = []
    private var dropped = 0
    private var unreported = 0
    private var stopping = false
    private var sleeping = false
    private let capacity: Int
    private let sink: AccessLogSink
    private let finished = DispatchSemaphore(value: 0)
    /// Touched only by the log thread.
    private var dates = DateCache()

    let isEnabled: Bool
    let format: LogFormat

    init(sink: AccessLogSink, capacity: Int, format: LogFormat) {
        self.sink = sink
        self.capacity = max(1, capacity)
        self.format = format
        if case .disabled = sink.kind { isEnabled = false } else { isEnabled = true }
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

    /// Records an answered request.
    func log(_ record: AccessLogRecord) {
        append(.request(record))
    }

    /// Records a one-line message, the same in text and in JSON.
    func log(_ level: LogLevel, _ message: String) {
        append(.message(level, text: message, message: message, requestID: nil))
    }

    /// Records a one-line message (errors the server cannot send anywhere else); in text, the line is `text`.
    func log(_ level: LogLevel, text: String, message: String, requestID: String? = nil) {
        append(.message(level, text: text, message: message, requestID: requestID))
    }

    private func append(_ entry: Entry) {
        guard isEnabled else { return }
        condition.lock()
        if pending.count >= capacity {
            dropped += 1
            unreported += 1
            condition.unlock()
            return
        }
        pending.append(entry)
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
        var batch: [Entry] = []
        while true {
            condition.lock()
            while pending.isEmpty && !stopping {
                sleeping = true
                condition.wait()
                sleeping = false
            }
            swap(&batch, &pending)
            let lost = unreported
            unreported = 0
            let done = stopping && batch.isEmpty && lost == 0
            condition.unlock()
            if done { break }
            if lost > 0 {
                let message = "access log: \(lost) lines dropped (buffer full)"
                batch.append(.message(.warning, text: message, message: message, requestID: nil))
            }
            write(batch)
            batch.removeAll(keepingCapacity: true)
        }
        finished.signal()
    }

    private func write(_ batch: [Entry]) {
        dates.refresh()
        var text: [UInt8] = []
        text.reserveCapacity(batch.count * 96)
        for entry in batch {
            switch entry {
            case .request(let record):
                switch format {
                case .text: record.format(timestamp: dates.logTimestamp, into: &text)
                case .json: record.formatJSON(timestamp: dates.logTimestamp, into: &text)
                }
            case .message(let level, let line, let message, let requestID):
                switch format {
                case .text: text.append(contentsOf: line.utf8)
                case .json:
                    let json = LogLine.render(
                        level, message, format: .json, timestamp: dates.logTimestamp, requestID: requestID)
                    text.append(contentsOf: json.utf8)
                }
            }
            text.append(10)
        }
        sink.write(text)
    }
}
