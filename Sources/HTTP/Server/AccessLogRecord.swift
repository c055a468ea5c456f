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
    /// The matched route's template; nil when no route matched.
    var route: String?
    /// The authenticated user's opaque id, when a handler named it (`RequestContext.identify(user:)`).
    var user: String?

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

    /// Appends one JSON object (no newline): time, level, request id, method, route template (never the raw path,
    /// which may name a request), status, bytes, duration, and the user's id when known.
    func formatJSON(timestamp: String, into line: inout [UInt8]) {
        var text = "{\"time\":\"\(timestamp)\",\"level\":\"info\",\"kind\":\"access\",\"request_id\":"
        // The request id is sane by construction (`RequestIdentifier`), the method a token; escaped all the same.
        JSONText.appendString(requestID, to: &text)
        text += ",\"method\":"
        JSONText.appendString(method, to: &text)
        text += ",\"route\":"
        JSONText.appendString(route ?? HTTPMetrics.unmatchedRoute, to: &text)
        text += ",\"status\":\(status),\"bytes\":\(bodyBytes),\"duration_ms\":\(Double(microseconds) / 1000)"
        if let user {
            text += ",\"user_id\":"
            JSONText.appendString(user, to: &text)
        }
        if aborted {
            text += ",\"aborted\":true"
        }
        text += "}"
        line.append(contentsOf: text.utf8)
    }
}
