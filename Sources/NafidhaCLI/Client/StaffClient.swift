import Foundation
import NafidhaContract

/// The clerk CLI's HTTP client for the staff API: one blocking call at a time on the CLI's own thread, bounded by
/// timeouts. Requests are the contract's routes and bodies; answers decode into the contract's types, so a member
/// the server renamed or dropped is an error naming it, never a silent zero. Failures come back as `ClientFailure`
/// (unreachable, refused with the server's message, or an answer the contract does not describe).
struct StaffClient {
    /// Seconds to wait for an answer before calling the server unreachable (`NAFIDHA_TIMEOUT`, default 30).
    static let defaultTimeout: TimeInterval = 30
    /// The largest JSON answer read (8 MiB), so a broken server cannot exhaust the CLI's memory.
    static let maximumResponseBytes = 8 << 20
    /// The largest rendered report read (64 MiB): an HTML report of every service of every municipality is large.
    static let maximumReportBytes = 64 << 20

    let credentials: ClientCredentials
    let timeout: TimeInterval
    /// Sent as `Accept-Language`: by default the language `LANG` names when it is one of ours, so the server's
    /// messages come in it; `nafidha report --language` sets it for the report's labels.
    var language: Language?
    /// The largest answer this client reads (`maximumResponseBytes` unless a command needs more).
    var responseLimit = Self.maximumResponseBytes

    init(credentials: ClientCredentials, environment: [String: String]) {
        self.credentials = credentials
        timeout =
            environment["NAFIDHA_TIMEOUT"].flatMap(TimeInterval.init).map { min(max($0, 1), 600) }
            ?? Self.defaultTimeout
        language = environment["LANG"].flatMap { Language(rawValue: String($0.prefix(2))) }
    }

    /// Sends `target` with `body` as JSON and decodes the answer of a 2xx response.
    func send<Body, Response>(_ target: RouteTarget<Body, Response>, body: Body) throws(ClientFailure) -> Response {
        let bytes: [UInt8]
        do {
            bytes = try ContractJSON.encode(body)
        } catch {
            throw .unsendable("the request cannot be written as JSON: \(error)")
        }
        return try decode(Response.self, from: exchange(target.method, target.requestTarget, body: bytes))
    }

    /// Uploads `bytes` as a file of `mediaType` (`POST /v1/uploads`) and decodes the upload's answer.
    func upload(_ bytes: [UInt8], mediaType: String) throws(ClientFailure) -> Documents.Upload {
        let target = Routes.upload.target()
        return try decode(
            Documents.Upload.self,
            from: exchange(target.method, target.requestTarget, body: bytes, contentType: mediaType))
    }

    /// Sends `target`, which takes no body, and decodes the answer of a 2xx response.
    func send<Response>(_ target: RouteTarget<NoBody, Response>) throws(ClientFailure) -> Response {
        try decode(Response.self, from: exchange(target.method, target.requestTarget, body: nil))
    }

    /// Sends `target` and returns the body of a 2xx answer as the server wrote it (a report in CSV or HTML).
    func bytes(_ target: RouteTarget<NoBody, RawBody>) throws(ClientFailure) -> [UInt8] {
        try file(target).body
    }

    /// Sends `target` and returns a 2xx answer whole, header fields included (a document and its `ETag`).
    func file(_ target: RouteTarget<NoBody, RawBody>) throws(ClientFailure) -> ClientAnswer {
        let answer = try exchange(target.method, target.requestTarget, body: nil)
        try Self.requireSuccess(answer)
        return answer
    }

    /// The answer as `Response`; a refusal as the server's error body (or its status, when that is not one).
    private func decode<Response: Decodable>(
        _ type: Response.Type, from answer: ClientAnswer
    ) throws(ClientFailure) -> Response {
        try Self.requireSuccess(answer)
        do {
            return try ContractJSON.decode(type, from: answer.body)
        } catch let error as DecodingError {
            throw .badResponse(Self.describe(error))
        } catch {
            throw .badResponse("cannot be read: \(error)")
        }
    }

    /// Throws the refusal of a non-2xx answer: the server's error body, or its status when that is not one.
    private static func requireSuccess(_ answer: ClientAnswer) throws(ClientFailure) {
        guard (200..<300).contains(answer.status) else {
            guard let refusal = try? ContractJSON.decode(ErrorBody.self, from: answer.body) else {
                throw .refused(
                    status: answer.status, code: "http_\(answer.status)",
                    message: "the server answered \(answer.status)")
            }
            throw .refused(status: answer.status, code: refusal.error.code, message: refusal.error.message)
        }
    }

    /// What a decoding error means for the person at the terminal, naming the member (`tasks.0.status`).
    static func describe(_ error: DecodingError) -> String {
        func member(_ path: [any CodingKey]) -> String {
            path.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, let context):
            return "lacks a member the API documents (member \(member(context.codingPath + [key])))"
        case .typeMismatch(_, let context):
            return "has a value of the wrong type (member \(member(context.codingPath)))"
        case .valueNotFound(_, let context):
            return "has null where the API documents a value (member \(member(context.codingPath)))"
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty
                ? "is not JSON" : "has a value the API does not document (member \(member(context.codingPath)))"
        @unknown default:
            return "does not match the API"
        }
    }
}
