/// One answered request as the access log records it; formatted on the log thread, not on the event loop.
struct AccessLogRecord: Sendable {
    var method: String
    /// The raw request-target; only its path part is printed (the query may hold secrets).
    var target: String
    var status: Int
    var bodyBytes: Int
    var microseconds: UInt64
    var requestID: String
    var aborted: Bool

    /// Appends `2026-11-29T01:50:00Z GET /path 200 17 0.123ms <id>[ aborted]` (no newline).
    func format(timestamp: String, into line: inout [UInt8]) {
        line.append(contentsOf: timestamp.utf8)
        line.append(32)
        line.append(contentsOf: method.utf8)
        line.append(32)
        let path = target.utf8.firstIndex(of: UInt8(ascii: "?")).map { target.utf8[..<$0] } ?? target.utf8[...]
        line.append(contentsOf: path)
        line.append(32)
        ResponseEncoder.appendDecimal(status, to: &line)
        line.append(32)
        ResponseEncoder.appendDecimal(bodyBytes, to: &line)
        line.append(32)
        ResponseEncoder.appendDecimal(Int(microseconds / 1000), to: &line)
        line.append(UInt8(ascii: "."))
        let fraction = Int(microseconds % 1000)
        if fraction < 100 { line.append(UInt8(ascii: "0")) }
        if fraction < 10 { line.append(UInt8(ascii: "0")) }
        ResponseEncoder.appendDecimal(fraction, to: &line)
        line.append(contentsOf: "ms ".utf8)
        line.append(contentsOf: requestID.utf8)
        if aborted {
            line.append(contentsOf: " aborted".utf8)
        }
    }
}
