import Foundation

extension FixedWidthInteger {
    /// Parses a decimal integer cell without an intermediate `String`.
    fileprivate static func parse(_ value: PostgresValue) -> Self? {
        value.withUTF8 { bytes -> Self? in
            var index = 0
            let negative = bytes.first == UInt8(ascii: "-")
            if negative || bytes.first == UInt8(ascii: "+") { index = 1 }
            guard index < bytes.count else { return nil }
            var result: Self = 0
            while index < bytes.count {
                let byte = bytes[index]
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                let digit = Self(byte - UInt8(ascii: "0"))
                let (shifted, overflow1) = result.multipliedReportingOverflow(by: 10)
                let (next, overflow2) =
                    negative
                    ? shifted.subtractingReportingOverflow(digit) : shifted.addingReportingOverflow(digit)
                guard !overflow1, !overflow2 else { return nil }
                result = next
                index += 1
            }
            return result
        } ?? nil
    }
}

extension Int: PostgresDecodable {
    /// Decodes `int2`, `int4` and `int8` text.
    public static func decode(from value: PostgresValue) -> Int? { parse(value) }
}

extension Int64: PostgresDecodable {
    /// Decodes `int2`, `int4` and `int8` text.
    public static func decode(from value: PostgresValue) -> Int64? { parse(value) }
}

extension Int32: PostgresDecodable {
    /// Decodes `int2` and `int4` text (and `int8` values that fit).
    public static func decode(from value: PostgresValue) -> Int32? { parse(value) }
}

extension Double: PostgresDecodable {
    /// Decodes `float4`, `float8` and `numeric` text, including `NaN` and `±Infinity`.
    public static func decode(from value: PostgresValue) -> Double? {
        guard let text = value.text else { return nil }
        switch text {
        case "NaN": return .nan
        case "Infinity": return .infinity
        case "-Infinity": return -.infinity
        default: return Double(text)
        }
    }
}

extension Bool: PostgresDecodable {
    /// Decodes `bool` text (`t` or `f`).
    public static func decode(from value: PostgresValue) -> Bool? {
        switch value.text {
        case "t": true
        case "f": false
        default: nil
        }
    }
}

extension String: PostgresDecodable {
    /// Any non-NULL cell decodes as its text form.
    public static func decode(from value: PostgresValue) -> String? { value.text }
}

extension Date: PostgresDecodable {
    /// Decodes `timestamptz` text in any session time zone (offsets such as `+05:45` are applied),
    /// and `timestamp` and `date` text as UTC (a date as its midnight).
    public static func decode(from value: PostgresValue) -> Date? {
        value.withUTF8(PostgresTimestamp.parse) ?? nil
    }
}

extension UUID: PostgresDecodable {
    /// Decodes `uuid` text.
    public static func decode(from value: PostgresValue) -> UUID? {
        value.text.flatMap(UUID.init(uuidString:))
    }
}

extension Array: PostgresDecodable where Element == UInt8 {
    /// Decodes `bytea` in hex output form (`\x...`, the server default since PostgreSQL 9.0).
    public static func decode(from value: PostgresValue) -> [UInt8]? {
        value.withUTF8 { text -> [UInt8]? in
            guard text.count >= 2, text.count % 2 == 0, text[0] == UInt8(ascii: "\\"), text[1] == UInt8(ascii: "x")
            else { return nil }
            var bytes = [UInt8]()
            bytes.reserveCapacity(text.count / 2 - 1)
            var index = 2
            while index < text.count {
                guard let high = hexValue(text[index]), let low = hexValue(text[index + 1]) else { return nil }
                bytes.append(high << 4 | low)
                index += 2
            }
            return bytes
        } ?? nil
    }

    private static func hexValue(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
