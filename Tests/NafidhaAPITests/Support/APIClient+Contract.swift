import Foundation
import NafidhaContract
import Testing

extension APIClient {
    /// Sends a contract route, its body encoded as the contract encodes it.
    func send<Body, Response>(
        _ target: RouteTarget<Body, Response>, body: Body, headers: [(String, String)] = []
    ) throws -> APIResponse {
        try send(target.method.rawValue, target.requestTarget, headers: headers, bodyBytes: ContractJSON.encode(body))
    }

    /// Sends a contract route that takes no body.
    func send<Response>(_ target: RouteTarget<NoBody, Response>, headers: [(String, String)] = []) throws -> APIResponse
    {
        try send(target.method.rawValue, target.requestTarget, headers: headers, bodyBytes: nil)
    }
}

/// Checks a real answer against the contract: it must decode into the contract's type, and that value encoded again
/// must be the very JSON the server sent (same members, same nulls, same values), so a member the server renamed,
/// added or dropped fails here rather than in a client.
enum ContractCheck {
    /// The answer decoded as `type`, after checking its status and its round trip.
    static func decode<T: Codable>(
        _ response: APIResponse, as type: T.Type, status: Int = 200, sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> T {
        try #require(response.status == status, "\(response.status) \(response.text)", sourceLocation: sourceLocation)
        let value = try ContractJSON.decode(type, from: response.body)
        let sent = try ContractJSON.decode(JSONValue.self, from: response.body)
        let again = try ContractJSON.decode(JSONValue.self, from: ContractJSON.encode(value))
        let encoded = String(decoding: try ContractJSON.encode(value), as: UTF8.self)
        let matches = same(sent, again)
        #expect(
            matches, "\(T.self) does not round-trip:\n\(response.text)\n\(encoded)",
            sourceLocation: sourceLocation)
        return value
    }

    /// An error answer: its status, and a body that decodes into `ErrorBody` with a code the contract knows, whose
    /// status is the one answered.
    @discardableResult
    static func error(
        _ response: APIResponse, _ code: ErrorCode, sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> ErrorBody {
        let body = try decode(response, as: ErrorBody.self, status: code.status, sourceLocation: sourceLocation)
        #expect(body.error.knownCode == code, "\(response.text)", sourceLocation: sourceLocation)
        return body
    }

    /// Equal JSON values; instants (ISO 8601 strings) are equal within a second, since reports write microseconds
    /// and the contract's encoder whole seconds.
    static func same(_ left: JSONValue, _ right: JSONValue) -> Bool {
        switch (left, right) {
        case (.object(let a), .object(let b)):
            return Set(a.keys) == Set(b.keys) && a.allSatisfy { key, value in same(value, b[key]!) }
        case (.array(let a), .array(let b)):
            return a.count == b.count && zip(a, b).allSatisfy(same)
        case (.string(let a), .string(let b)):
            if a == b { return true }
            guard let first = instant(a), let second = instant(b) else { return false }
            return abs(first.timeIntervalSince(second)) < 1
        default:
            return left == right
        }
    }

    /// The instant a JSON string names, read as the contract's decoder reads dates.
    private static func instant(_ text: String) -> Date? {
        try? ContractJSON.decode(Date.self, from: ContractJSON.encode(text))
    }
}
