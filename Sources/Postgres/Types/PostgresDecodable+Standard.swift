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
