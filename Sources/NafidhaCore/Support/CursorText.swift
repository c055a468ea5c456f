import Foundation
import NafidhaContract

/// What the page cursors (`TaskCursor`, `RequestSearchCursor`) are made of, read strictly: a cursor is
/// base64url of parts joined by `|`, and each part must be exactly what the server writes, so that nothing a client
/// forges reaches PostgreSQL as a value it cannot take (an `integer` overflow, a year 0, a 30 February: SQLSTATE
/// 22003, 22007, 22008, which were 500s).
enum CursorText {
    /// Longest cursor accepted, in bytes of its base64url text.
    static let maximumLength = 200

    /// The `|`-separated parts of cursor `encoded`, when it is base64url of UTF-8 text with exactly `count` parts.
    static func parts(_ encoded: String, count: Int) -> [Substring]? {
        guard encoded.utf8.count <= maximumLength,
            encoded.utf8.allSatisfy({ byte in
                byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || (0x30...0x39).contains(byte)
                    || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
            })
        else { return nil }
        var base64 = encoded.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard let data = Data(base64Encoded: base64), let text = String(data: data, encoding: .utf8) else {
            return nil
        }
        let parts = text.split(separator: "|", omittingEmptySubsequences: false)
        return parts.count == count ? parts : nil
    }

    /// A whole number written as the server writes it (ASCII digits, no sign, no leading zero) within `range`.
    static func number<Number: FixedWidthInteger>(_ text: Substring, in range: ClosedRange<Number>) -> Number? {
        guard !text.isEmpty, text.count <= 19, text.utf8.allSatisfy({ (0x30...0x39).contains($0) }),
            text == "0" || text.first != "0", let value = Number(text), range.contains(value)
        else { return nil }
        return value
    }

    /// Whether `text` is a `timestamptz` as PostgreSQL prints it to our sessions (`TimeZone=UTC`, `DateStyle=ISO`):
    /// `YYYY-MM-DD HH:MM:SS[.ffffff]+00`, a real instant within `DateParameter`'s range.
    static func isTimestamp(_ text: Substring) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count >= 22, bytes.count <= 29, bytes[4] == 0x2D, bytes[7] == 0x2D, bytes[10] == 0x20,
            bytes[13] == 0x3A, bytes[16] == 0x3A, bytes.suffix(3).elementsEqual("+00".utf8)
        else { return false }
        var fraction = bytes[19..<(bytes.count - 3)]
        if !fraction.isEmpty {
            guard fraction.first == 0x2E, (2...7).contains(fraction.count) else { return false }
            fraction = fraction.dropFirst()
            guard fraction.allSatisfy({ (0x30...0x39).contains($0) }) else { return false }
        }
        // The date and the time, checked as a real instant by the one RFC 3339 reader.
        var instant = bytes[0..<19]
        instant[10] = UInt8(ascii: "T")
        guard let date = DateParameter.parse(String(decoding: instant, as: UTF8.self) + "Z") else { return false }
        return DateParameter.contains(date)
    }
}
