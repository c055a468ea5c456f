import Foundation
import HTTP
import NafidhaContract
import NafidhaCore

/// Reading request bodies with the contract's decoder (`ContractJSON`), into errors that name the offending field.
enum JSONCoding {
    /// Decodes a JSON request body into `T`, once its shape is within `limits`. Malformed JSON (or invalid UTF-8) →
    /// 400 `invalid_json`; a body past a limit → 422 `body_too_complex`; a value of the wrong type or a missing member
    /// → 422 `validation_failed` naming the field.
    static func decode<T: Decodable>(_ type: T.Type, from body: [UInt8], limits: JSONBodyLimits) throws(NafidhaError)
        -> T
    {
        guard !body.isEmpty else {
            throw NafidhaError(.invalidJSON)
        }
        try limits.check(body)
        do {
            return try ContractJSON.decode(T.self, from: body)
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
