import Foundation
import HTTP
import NafidhaContract
import NafidhaCore

/// JSON in and out of the API: one encoder configuration, and decoding errors that name the offending field.
enum JSONCoding {
    /// Encodes `value` as compact UTF-8 JSON (dates ISO 8601 in UTC with a `Z`).
    static func encode(_ value: some Encodable) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        return Array(try encoder.encode(value))
    }

    /// Encodes a value known to encode (strings, dictionaries of strings) as JSON text.
    static func encodeText(_ value: some Encodable) -> String {
        (try? encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "null"
    }

    /// Decodes a JSON request body into `T`. Malformed JSON (or invalid UTF-8) → 400 `invalid_json`; a value of the
    /// wrong type or a missing member → 422 `validation_failed` naming the field.
    static func decode<T: Decodable>(_ type: T.Type, from body: [UInt8]) throws(NafidhaError) -> T {
        guard !body.isEmpty else {
            throw NafidhaError(.invalidJSON)
        }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        do {
            return try decoder.decode(T.self, from: Data(body))
        } catch let DecodingError.typeMismatch(_, context) {
            throw validation(at: context.codingPath, reason: .wrongType)
        } catch let DecodingError.valueNotFound(_, context) {
            throw validation(at: context.codingPath, reason: .required)
        } catch let DecodingError.keyNotFound(key, context) {
            throw validation(at: context.codingPath + [key], reason: .required)
        } catch {
            throw NafidhaError(.invalidJSON)
        }
    }

    private static func validation(at path: [any CodingKey], reason: FieldReason) -> NafidhaError {
        let name = path.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
        return NafidhaError(.validationFailed, fields: [name.isEmpty ? "body" : name: reason])
    }

}

extension HTTPResponse {
    /// A JSON response encoding `value`.
    static func json(encoding value: some Encodable, status: HTTPResponseStatus = .ok) throws -> HTTPResponse {
        HTTPResponse.json(bytes: try JSONCoding.encode(value), status: status)
    }
}

extension HTTPRequest {
    /// The language the client asked for with `Accept-Language`.
    var language: Language {
        Language.negotiate(acceptLanguage: headers.first(name: "Accept-Language"))
    }
}
