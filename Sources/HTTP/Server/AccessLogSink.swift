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

    /// Writes newline-terminated lines: in one call to standard error, or line by line to a custom closure.
    func write(_ text: [UInt8]) {
        switch kind {
        case .standardError:
            text.withUnsafeBytes { Posix.writeAll(2, $0) }
        case .custom(let write):
            for line in text.split(separator: 10) {
                write(String(decoding: line, as: UTF8.self))
            }
        case .disabled:
            break
        }
    }
}
