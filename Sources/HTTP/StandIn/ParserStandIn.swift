// TEMPORARY stand-in for wip/parser's API, deleted when that branch is merged. Not reviewed code.
public struct HTTPHeaders: Sendable, Sequence {
    var fields: [(name: String, value: String)] = []
    public init() {}
    public init(_ fields: [(name: String, value: String)]) { self.fields = fields }
    public mutating func add(name: String, value: String) { fields.append((name, value)) }
    public mutating func replaceOrAdd(name: String, value: String) { remove(name: name); add(name: name, value: value) }
    public mutating func remove(name: String) { fields.removeAll { $0.name.lowercased() == name.lowercased() } }
    public subscript(name: String) -> [String] { fields.filter { $0.name.lowercased() == name.lowercased() }.map(\.value) }
    public func first(name: String) -> String? { self[name].first }
    public func contains(name: String) -> Bool { !self[name].isEmpty }
    public var count: Int { fields.count }
    public func makeIterator() -> IndexingIterator<[(name: String, value: String)]> { fields.makeIterator() }
}
public struct HTTPVersion: Sendable, Hashable {
    public var major: Int
    public var minor: Int
    public static let http1_0 = HTTPVersion(major: 1, minor: 0)
    public static let http1_1 = HTTPVersion(major: 1, minor: 1)
}
public struct QueryParameters: Sendable, Sequence {
    var pairs: [(name: String, value: String)] = []
    public subscript(name: String) -> String? { pairs.first { $0.name == name }?.value }
    public func all(_ name: String) -> [String] { pairs.filter { $0.name == name }.map(\.value) }
    public func makeIterator() -> IndexingIterator<[(name: String, value: String)]> { pairs.makeIterator() }
}
public struct HTTPRequestHead: Sendable {
    public var method: String
    public var target: String
    public var path: String
    public var rawQuery: String?
    public var query: QueryParameters
    public var version: HTTPVersion
    public var headers: HTTPHeaders
    public var keepAlive: Bool
    public var expectsContinue: Bool
    public var contentLength: Int?
    public var isChunked: Bool
}
public struct HTTPParseError: Error, Sendable {
    public var status: Int
    public var code: String
    public var reason: String
}
public struct HTTPParser: Sendable {
    public struct Limits: Sendable {
        public var maxHeaderBytes = 16384
        public var maxTargetBytes = 8192
        public var maxBodyBytes = 1 << 20
        public var maxHeaderCount = 100
        public init() {}
    }
    public enum Event: Sendable { case head(HTTPRequestHead); case body([UInt8]); case end(trailers: HTTPHeaders) }
    var limits: Limits
    var buffer: [UInt8] = []
    var remaining: Int? = nil
    var error: HTTPParseError? = nil
    public init(limits: Limits = .init()) { self.limits = limits }
    public mutating func feed(_ bytes: UnsafeRawBufferPointer) { buffer.append(contentsOf: bytes) }
    public var isMidMessage: Bool { !buffer.isEmpty || remaining != nil }
    public var isReadingHead: Bool { remaining == nil }
    public mutating func next() throws(HTTPParseError) -> Event? {
        if let error { throw error }
        do { return try step() } catch { self.error = error; throw error }
    }
    mutating func step() throws(HTTPParseError) -> Event? {
        if let left = remaining {
            if left == 0 { remaining = nil; return .end(trailers: HTTPHeaders()) }
            if buffer.isEmpty { return nil }
            let n = min(left, buffer.count)
            let chunk = Array(buffer[..<n]); buffer.removeFirst(n); remaining = left - n
            return .body(chunk)
        }
        var end: Int? = nil
        if buffer.count >= 4 {
            for i in 0...(buffer.count - 4) where buffer[i] == 13 && buffer[i+1] == 10 && buffer[i+2] == 13 && buffer[i+3] == 10 { end = i; break }
        }
        guard let end else {
            if buffer.count > limits.maxHeaderBytes { throw HTTPParseError(status: 431, code: "header_too_large", reason: "too large") }
            if let sp = buffer.firstIndex(of: 32), let sp2 = buffer[(sp+1)...].firstIndex(of: 32) ?? Optional(buffer.count), sp2 - sp > limits.maxTargetBytes {
                throw HTTPParseError(status: 414, code: "uri_too_long", reason: "too long")
            }
            return nil
        }
        if end > limits.maxHeaderBytes { throw HTTPParseError(status: 431, code: "header_too_large", reason: "too large") }
        let text = String(decoding: buffer[..<end], as: UTF8.self)
        buffer.removeFirst(end + 4)
        var lines = text.components(separatedBy: "\r\n")
        let parts = lines.removeFirst().split(separator: " ")
        guard parts.count == 3 else { throw HTTPParseError(status: 400, code: "bad_request", reason: "bad line") }
        if parts[1].utf8.count > limits.maxTargetBytes { throw HTTPParseError(status: 414, code: "uri_too_long", reason: "too long") }
        let version = parts[2] == "HTTP/1.0" ? HTTPVersion.http1_0 : .http1_1
        var headers = HTTPHeaders()
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { throw HTTPParseError(status: 400, code: "bad_request", reason: "bad header") }
            headers.add(name: String(line[..<colon]), value: line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        if headers.count > limits.maxHeaderCount { throw HTTPParseError(status: 431, code: "too_many_headers", reason: "too many") }
        let cl = headers.first(name: "content-length").flatMap { Int($0) }
        let chunked = headers.contains(name: "transfer-encoding")
        if chunked && headers.contains(name: "content-length") { throw HTTPParseError(status: 400, code: "conflicting_framing", reason: "CL and TE") }
        if chunked { throw HTTPParseError(status: 501, code: "not_implemented", reason: "stand-in") }
        if let cl, cl > limits.maxBodyBytes { throw HTTPParseError(status: 413, code: "payload_too_large", reason: "too big") }
        let conn = headers.first(name: "connection")?.lowercased()
        let target = String(parts[1])
        let q = target.firstIndex(of: "?")
        var query = QueryParameters()
        if let q {
            for pair in target[target.index(after: q)...].split(separator: "&") {
                let kv = pair.split(separator: "=", maxSplits: 1)
                query.pairs.append((String(kv[0]), kv.count > 1 ? String(kv[1]) : ""))
            }
        }
        remaining = cl ?? 0
        return .head(HTTPRequestHead(
            method: String(parts[0]), target: target, path: String(target[..<(q ?? target.endIndex)]),
            rawQuery: q.map { String(target[target.index(after: $0)...]) }, query: query, version: version, headers: headers,
            keepAlive: version == .http1_1 ? conn != "close" : conn == "keep-alive",
            expectsContinue: headers.first(name: "expect")?.lowercased() == "100-continue", contentLength: cl, isChunked: false))
    }
}
import Foundation
