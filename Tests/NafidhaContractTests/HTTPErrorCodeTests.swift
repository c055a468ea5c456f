import Foundation
import NafidhaContract
import Testing

/// The HTTP module keeps its own code strings (it must not know the contract); every code it can answer must still
/// be an `ErrorCode`, with the same status where the source says it, so clients and API documents know them all.
@Suite("Every error code of the HTTP module is a contract code")
struct HTTPErrorCodeTests {
    /// Codes of errors thrown to the program that starts the server, never answered to a client.
    static let startupCodes: Set<String> = ["already_started", "invalid_host"]

    /// The text of every Swift file of Sources/HTTP.
    static func sources() throws -> [(name: String, text: String)] {
        let folder = ErrorCodeTests.repositoryRoot.appendingPathComponent("Sources/HTTP")
        let files = try #require(FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String])
        return try files.filter { $0.hasSuffix(".swift") }.sorted().map { name in
            (name, try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8))
        }
    }

    /// The captures of `pattern`'s groups in `text`.
    static func matches(_ pattern: String, in text: String) throws -> [[String]] {
        let expression = try NSRegularExpression(pattern: pattern)
        let range = NSRange(text.startIndex..., in: text)
        return expression.matches(in: text, range: range).map { match in
            (1..<match.numberOfRanges).compactMap { Range(match.range(at: $0), in: text).map { String(text[$0]) } }
        }
    }

    @Test("each code literal in Sources/HTTP is a case of ErrorCode")
    func everyCodeIsKnown() throws {
        var found: Set<String> = []
        for file in try Self.sources() {
            for groups in try Self.matches(#"code:\s*(?:String\s*=\s*)?"([a-z0-9_]+)""#, in: file.text) {
                found.insert(groups[0])
            }
        }
        #expect(found.count > 20, "the scan found \(found.sorted())")
        for code in found.subtracting(Self.startupCodes).sorted() {
            #expect(ErrorCode(rawValue: code) != nil, "Sources/HTTP answers \(code), which ErrorCode lacks")
        }
    }

    /// The statuses `HTTPError`s are written with in Sources/HTTP, by name.
    static let namedStatuses = [
        "badRequest": 400, "notFound": 404, "methodNotAllowed": 405, "internalServerError": 500,
        "serviceUnavailable": 503,
    ]

    @Test("a code written with its status, numeric or named, has that status in ErrorCode")
    func statusesAgree() throws {
        var checked = 0
        for file in try Self.sources() {
            var pairs = try Self.matches(#"status:\s*(\d{3}),\s*code:\s*"([a-z0-9_]+)""#, in: file.text)
            for groups in try Self.matches(#"\.([a-zA-Z]+),\s*code:\s*"([a-z0-9_]+)""#, in: file.text) {
                let status = try #require(Self.namedStatuses[groups[0]], "status .\(groups[0]) in \(file.name)")
                pairs.append([String(status), groups[1]])
            }
            for groups in pairs {
                let code = try #require(ErrorCode(rawValue: groups[1]), "\(groups[1]) in \(file.name)")
                #expect(code.status == Int(groups[0]), "\(code) is \(groups[0]) in \(file.name), \(code.status) here")
                checked += 1
            }
        }
        #expect(checked > 20)
    }
}
