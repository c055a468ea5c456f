import Foundation

/// Converts `Date` to and from PostgreSQL's ISO timestamp text, without Foundation's formatters.
///
/// Written out by hand because it runs for every timestamp cell, and `DateStyle=ISO` output has one fixed shape:
/// `YYYY-MM-DD HH:MM:SS[.ffffff][+HH[:MM[:SS]]]`.
enum PostgresTimestamp {
    /// ISO 8601 in UTC with microseconds and an explicit offset: `2026-03-01T09:15:00.250000+00:00`.
    static func format(_ date: Date) -> String {
        var seconds = date.timeIntervalSince1970.rounded(.down)
        var micros = ((date.timeIntervalSince1970 - seconds) * 1_000_000).rounded()
        if micros >= 1_000_000 {
            seconds += 1
            micros -= 1_000_000
        }
        let total = Int64(seconds)
        let days = total >= 0 ? total / 86_400 : (total - 86_399) / 86_400
        let secondOfDay = total - days * 86_400
        let (year, month, day) = civil(fromDays: days)
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T\(pad(secondOfDay / 3600, 2)):"
            + "\(pad(secondOfDay / 60 % 60, 2)):\(pad(secondOfDay % 60, 2)).\(pad(Int64(micros), 6))+00:00"
    }

    /// Parses `timestamptz` text (`timestamp` and `date` read as UTC); `infinity` maps to `Date.distantFuture`.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Date? {
        if bytes.elementsEqual("infinity".utf8) { return .distantFuture }
        if bytes.elementsEqual("-infinity".utf8) { return .distantPast }
        var scanner = Scanner(bytes: bytes)
        guard let year = scanner.digits(min: 4, max: 7), scanner.skip("-"),
            let month = scanner.digits(min: 2, max: 2), scanner.skip("-"),
            let day = scanner.digits(min: 2, max: 2), (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        let days = daysFromCivil(year: year, month: month, day: day)
        // A `date` column: midnight UTC of that day.
        if scanner.isAtEnd { return Date(timeIntervalSince1970: Double(days * 86_400)) }
        guard scanner.skip(" ") || scanner.skip("T"),
            let hour = scanner.digits(min: 2, max: 2), scanner.skip(":"),
            let minute = scanner.digits(min: 2, max: 2), scanner.skip(":"),
            let second = scanner.digits(min: 2, max: 2), hour < 24, minute < 60, second < 61
        else { return nil }
        var fraction = 0.0
        if scanner.skip(".") {
            // Whole digits first, one division at the end: summing tenths would drift in the last place.
            var digits: Int64 = 0
            var scale = 1.0
            guard scanner.peekDigit != nil else { return nil }
            while let digit = scanner.peekDigit {
                if scale < 1e15 {
                    digits = digits * 10 + digit
                    scale *= 10
                }
                scanner.advance()
            }
            fraction = Double(digits) / scale
        }
        var offset: Int64 = 0
        if let sign = scanner.peek, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
            scanner.advance()
            guard let hours = scanner.digits(min: 2, max: 2) else { return nil }
            offset = hours * 3600
            if scanner.skip(":") {
                guard let minutes = scanner.digits(min: 2, max: 2) else { return nil }
                offset += minutes * 60
                if scanner.skip(":") {
                    guard let seconds = scanner.digits(min: 2, max: 2) else { return nil }
                    offset += seconds
                }
            }
            if sign == UInt8(ascii: "-") { offset = -offset }
        } else if scanner.skip("Z") {
            offset = 0
        }
        guard scanner.isAtEnd else { return nil }
        let local = days * 86_400 + hour * 3600 + minute * 60 + second
        return Date(timeIntervalSince1970: Double(local - offset) + fraction)
    }

    /// Days since 1970-01-01 for a proleptic Gregorian date (H. Hinnant's `days_from_civil`).
    private static func daysFromCivil(year: Int64, month: Int64, day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The proleptic Gregorian date of a day count since 1970-01-01 (H. Hinnant's `civil_from_days`).
    private static func civil(fromDays days: Int64) -> (Int64, Int64, Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    private static func pad(_ value: Int64, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    /// A cursor over ASCII bytes.
    private struct Scanner {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0

        init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        var isAtEnd: Bool { index == bytes.count }
        var peek: UInt8? { index < bytes.count ? bytes[index] : nil }
        var peekDigit: Int64? {
            guard let byte = peek, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            return Int64(byte - UInt8(ascii: "0"))
        }

        mutating func advance() { index += 1 }

        mutating func skip(_ character: Unicode.Scalar) -> Bool {
            guard peek == UInt8(ascii: character) else { return false }
            index += 1
            return true
        }

        mutating func digits(min: Int, max: Int) -> Int64? {
            var value: Int64 = 0
            var count = 0
            while count < max, let digit = peekDigit {
                value = value * 10 + digit
                count += 1
                advance()
            }
            return count >= min ? value : nil
        }
    }
}
