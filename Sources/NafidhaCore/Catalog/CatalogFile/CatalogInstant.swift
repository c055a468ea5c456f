import Foundation

/// The instants of a catalog file (an overlay's `valid_from` and `valid_to`), exact to the microsecond as
/// PostgreSQL stores them. A file may write a date, `2027-01-01`, meaning midnight in the municipality's time zone
/// (decrees take effect on a day), or an RFC 3339 instant with its offset; the export writes a date whenever the
/// instant is a local midnight, and otherwise the instant at the zone's offset, so a file reads as people wrote it.
enum CatalogInstant {
    /// Microseconds since 1970 of `text` in `zone`, or nil when it is neither form.
    static func microseconds(_ text: String, zone: TimeZone) -> Int64? {
        if let date = LocalDate(text) { return midnight(of: date, in: zone) }
        return instant(text)
    }

    /// Midnight at the start of `date` in `zone`.
    static func midnight(of date: LocalDate, in zone: TimeZone) -> Int64 {
        let local = Int64(date.daysSinceEpoch) * 86_400
        // The offset at the instant itself: look it up at a first guess, then again at the corrected instant.
        var utc = local - Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(local))))
        utc = local - Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(utc))))
        return utc * 1_000_000
    }

    /// `YYYY-MM-DD` when `microseconds` is a midnight in `zone`, else `YYYY-MM-DDTHH:MM:SS[.ffffff]±HH:MM` at the
    /// zone's offset then.
    static func text(_ microseconds: Int64, zone: TimeZone) -> String {
        let seconds = floorDivide(microseconds, 1_000_000)
        let fraction = microseconds - seconds * 1_000_000
        let offset = Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(seconds))))
        let local = seconds + offset
        let day = LocalDate(daysSinceEpoch: Int(floorDivide(local, 86_400)))
        let time = local - floorDivide(local, 86_400) * 86_400
        if time == 0, fraction == 0, midnight(of: day, in: zone) == microseconds { return day.description }
        var text = day.description + "T" + two(time / 3600) + ":" + two(time / 60 % 60) + ":" + two(time % 60)
        if fraction != 0 {
            let digits = String(fraction)
            text += "." + String(repeating: "0", count: 6 - digits.count) + digits
        }
        if offset == 0 { return text + "Z" }
        let sign = offset < 0 ? "-" : "+"
        return text + sign + two(abs(offset) / 3600) + ":" + two(abs(offset) / 60 % 60)
    }

    /// An RFC 3339 date-time with a `Z` or `±HH:MM` offset and up to six fractional digits, in microseconds.
    private static func instant(_ text: String) -> Int64? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 20, bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: "t"),
            bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
            let date = LocalDate(String(decoding: bytes[0..<10], as: UTF8.self)),
            let hour = number(bytes[11..<13]), let minute = number(bytes[14..<16]), let second = number(bytes[17..<19]),
            hour < 24, minute < 60, second < 60
        else { return nil }
        var index = 19
        var fraction: Int64 = 0
        if bytes[index] == UInt8(ascii: ".") {
            let start = index + 1
            index = start
            while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
            let digits = index - start
            guard (1...6).contains(digits), let value = number(bytes[start..<index]) else { return nil }
            fraction = value
            for _ in digits..<6 { fraction *= 10 }
        }
        guard index < bytes.count else { return nil }
        var offset: Int64 = 0
        switch bytes[index] {
        case UInt8(ascii: "Z"), UInt8(ascii: "z"):
            guard index + 1 == bytes.count else { return nil }
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            guard index + 6 == bytes.count, bytes[index + 3] == UInt8(ascii: ":"),
                let hours = number(bytes[index + 1..<index + 3]), let minutes = number(bytes[index + 4..<index + 6]),
                hours < 24, minutes < 60
            else { return nil }
            offset = (hours * 3600 + minutes * 60) * (bytes[index] == UInt8(ascii: "-") ? -1 : 1)
        default:
            return nil
        }
        let seconds = Int64(date.daysSinceEpoch) * 86_400 + hour * 3600 + minute * 60 + second - offset
        return seconds * 1_000_000 + fraction
    }

    private static func number(_ digits: ArraySlice<UInt8>) -> Int64? {
        guard !digits.isEmpty, digits.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else {
            return nil
        }
        return digits.reduce(0) { $0 * 10 + Int64($1 - UInt8(ascii: "0")) }
    }

    private static func two(_ value: Int64) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }

    private static func floorDivide(_ value: Int64, _ divisor: Int64) -> Int64 {
        let quotient = value / divisor
        return value % divisor < 0 ? quotient - 1 : quotient
    }
}
