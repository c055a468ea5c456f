/// How the server writes its log lines (access log and messages): readable text, or one JSON object per line for
/// log collectors. Neither ever holds a query string, a request body or a header value; access lines never hold a
/// client address (the one message that does is the failed-auth throttle's warning, naming the client it throttles
/// so that an operator can act on it).
public enum LogFormat: String, Sendable, CaseIterable {
    /// `2026-11-29T01:50:00Z GET /path 200 17 0.123ms <request id>`, messages as written.
    case text
    /// `{"time":...,"level":"info","kind":"access","request_id":...,"method":...,"route":...,"status":...}`.
    case json
}

/// The severity of a log message.
public enum LogLevel: String, Sendable {
    /// Normal operation (access-log lines, start and stop).
    case info
    /// Something failed and will be tried again.
    case warning
    /// Something failed.
    case error

    /// What a text line starts with: nothing for `info`, else `Warning: ` or `Error: `, as the CLI writes them.
    public var textPrefix: String {
        switch self {
        case .info: ""
        case .warning: "Warning: "
        case .error: "Error: "
        }
    }
}

/// Renders one log message as a line (without its newline) in either format: the one rendering shared by the
/// server's log thread and the command that starts it, so every line of a process looks alike.
public enum LogLine {
    /// A message line. In JSON: `{"time":TIMESTAMP,"level":LEVEL,"kind":"message","msg":MESSAGE}` plus `request_id`
    /// when given.
    public static func render(
        _ level: LogLevel, _ message: String, format: LogFormat, timestamp: String, requestID: String? = nil
    ) -> String {
        switch format {
        case .text:
            return level.textPrefix + message
        case .json:
            var line = "{\"time\":"
            JSONText.appendString(timestamp, to: &line)
            line += ",\"level\":\"\(level.rawValue)\",\"kind\":\"message\""
            if let requestID {
                line += ",\"request_id\":"
                JSONText.appendString(requestID, to: &line)
            }
            line += ",\"msg\":"
            JSONText.appendString(message, to: &line)
            line += "}"
            return line
        }
    }

    /// The current UTC time as the log writes it, `2026-11-29T01:50:00Z`.
    public static func timestamp() -> String {
        var dates = DateCache()
        dates.refresh()
        return dates.logTimestamp
    }
}
