/// Where access-log lines go: standard error, a custom closure (tests capture lines), or nowhere.
public struct AccessLogSink: Sendable {
    enum Kind: Sendable {
        case standardError
        case custom(@Sendable (String) -> Void)
        case disabled
    }

    let kind: Kind

    /// One line per request on standard error, written in batches by the log thread.
    public static let standardError = AccessLogSink(kind: .standardError)
    /// No access log.
    public static let disabled = AccessLogSink(kind: .disabled)

    /// Calls `write` with each line (without a newline) on the log thread.
    public static func custom(_ write: @escaping @Sendable (String) -> Void) -> AccessLogSink {
        AccessLogSink(kind: .custom(write))
    }

    func write(_ lines: [String]) {
        switch kind {
        case .standardError:
            var text = lines.joined(separator: "\n")
            text += "\n"
            text.withUTF8 { bytes in Posix.writeAll(2, UnsafeRawBufferPointer(bytes)) }
        case .custom(let write):
            lines.forEach(write)
        case .disabled:
            break
        }
    }
}
