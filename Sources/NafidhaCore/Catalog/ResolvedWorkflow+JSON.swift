import Foundation

extension ResolvedWorkflow {
    /// Decodes the jsonb text `resolve_service` returns (or a request's stored snapshot).
    public init(jsonText: String) throws {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = Self.parseTimestamp(text) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a timestamp: \(text)")
            }
            return date
        }
        self = try decoder.decode(ResolvedWorkflow.self, from: Data(jsonText.utf8))
    }

    /// The snapshot as compact JSON text with sorted keys and ISO 8601 UTC instants (microseconds), ready for jsonb.
    public var jsonText: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(Self.timestampText(date))
        }
        // Every member encodes (strings, integers, decimals, finite dates), so encoding cannot fail.
        let data = (try? encoder.encode(self)) ?? Data("null".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    /// PostgreSQL writes a timestamptz in jsonb as `2026-03-01T08:15:00.5+00:00`: fractional digits vary (0 to 6)
    /// and the offset has a colon. Accepts that and the `Z` form this type writes.
    static func parseTimestamp(_ text: String) -> Date? {
        let withFraction = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
        let plain = Date.ISO8601FormatStyle()
        return (try? withFraction.parse(text)) ?? (try? plain.parse(text))
    }

    /// UTC with six fractional digits, as precise as PostgreSQL's timestamptz.
    static func timestampText(_ date: Date) -> String {
        let micros = (date.timeIntervalSince1970 * 1_000_000).rounded()
        let seconds = (micros / 1_000_000).rounded(.down)
        let fraction = Int(micros - seconds * 1_000_000)
        let whole = Date(timeIntervalSince1970: seconds).formatted(Date.ISO8601FormatStyle())
        return String(whole.dropLast()) + "." + String(format: "%06d", fraction) + "Z"
    }
}
