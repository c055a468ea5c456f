import Foundation

/// The one JSON configuration of the API, so that the server and its clients agree: UTF-8, keys sorted, `/` not
/// escaped, instants ISO 8601 in UTC with a `Z` (whole seconds on the way out; fractions and offsets accepted on the
/// way in, as reports and exports write microseconds).
public enum ContractJSON {
    /// An encoder for the wire: compact.
    public static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }

    /// An encoder for people (the CLI's `--json`): indented, keys sorted.
    public static func prettyEncoder() -> JSONEncoder {
        let encoder = encoder()
        encoder.outputFormatting.insert(.prettyPrinted)
        return encoder
    }

    /// A decoder for the wire.
    public static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = ISOInstant.date(from: text) else {
                throw DecodingError.dataCorruptedError(
                    in: container, debugDescription: "not an ISO 8601 instant with a time zone: \(text)")
            }
            return date
        }
        return decoder
    }

    /// `value` as compact JSON bytes.
    public static func encode(_ value: some Encodable) throws -> [UInt8] {
        Array(try encoder().encode(value))
    }

    /// Decodes `type` from JSON bytes.
    public static func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8]) throws -> T {
        try decoder().decode(type, from: Data(bytes))
    }
}
