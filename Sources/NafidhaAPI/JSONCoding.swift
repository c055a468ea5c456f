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
            throw NafidhaError(.badRequest, code: "invalid_json", message: Messages.emptyBody)
        }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        do {
            return try decoder.decode(T.self, from: Data(body))
        } catch let DecodingError.typeMismatch(_, context) {
            throw validation(at: context.codingPath, reason: Messages.wrongType)
        } catch let DecodingError.valueNotFound(_, context) {
            throw validation(at: context.codingPath, reason: Messages.required)
        } catch let DecodingError.keyNotFound(key, context) {
            throw validation(at: context.codingPath + [key], reason: Messages.required)
        } catch {
            throw NafidhaError(.badRequest, code: "invalid_json", message: Messages.invalidJSON)
        }
    }

    private static func validation(at path: [any CodingKey], reason: LocalizedText) -> NafidhaError {
        let name = path.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
        return NafidhaError(
            .validationFailed, code: "validation_failed", message: Messages.validationFailed,
            fields: [name.isEmpty ? "body" : name: reason]
        )
    }

    private enum Messages {
        static let emptyBody = LocalizedText(
            ar: "جسم الطلب فارغ؛ المتوقع كائن JSON.",
            fr: "Le corps de la requête est vide ; un objet JSON est attendu.",
            en: "The request body is empty; a JSON object is expected."
        )
        static let invalidJSON = LocalizedText(
            ar: "جسم الطلب ليس JSON صالحًا بترميز UTF-8.",
            fr: "Le corps de la requête n'est pas du JSON valide en UTF-8.",
            en: "The request body is not valid JSON in UTF-8."
        )
        static let validationFailed = LocalizedText(
            ar: "الطلب غير صالح.", fr: "La demande n'est pas valide.", en: "The request is invalid."
        )
        static let wrongType = LocalizedText(
            ar: "نوع القيمة غير صحيح.", fr: "Type de valeur incorrect.", en: "The value has the wrong type."
        )
        static let required = LocalizedText(
            ar: "هذا الحقل مطلوب.", fr: "Ce champ est obligatoire.", en: "This field is required.")
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
