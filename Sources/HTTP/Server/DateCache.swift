#if canImport(Glibc)
    import Glibc
#endif

/// The `Date` header line and a log timestamp, formatted once per second per event loop (RFC 9110 §5.6.7).
struct DateCache {
    private(set) var headerLine: [UInt8] = []
    private(set) var logTimestamp = ""
    private var second: time_t = -1

    private static let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// Reformats when the wall-clock second changed; `time()` is a vDSO call, cheap per response.
    mutating func refresh() {
        let now = time(nil)
        guard now != second else { return }
        second = now
        var parts = tm()
        var copy = now
        gmtime_r(&copy, &parts)
        let year = Int(parts.tm_year) + 1900
        let month = Int(parts.tm_mon)
        let day = Self.twoDigits(Int(parts.tm_mday))
        let time =
            "\(Self.twoDigits(Int(parts.tm_hour))):\(Self.twoDigits(Int(parts.tm_min))):\(Self.twoDigits(Int(parts.tm_sec)))"
        headerLine = Array(
            "Date: \(Self.days[Int(parts.tm_wday)]), \(day) \(Self.months[month]) \(year) \(time) GMT\r\n".utf8)
        logTimestamp = "\(year)-\(Self.twoDigits(month + 1))-\(day)T\(time)Z"
    }

    private static func twoDigits(_ value: Int) -> String {
        value < 10 ? "0\(value)" : String(value)
    }
}
