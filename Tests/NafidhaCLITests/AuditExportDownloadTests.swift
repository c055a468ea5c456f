import Foundation
import NafidhaContract
import Testing

@testable import NafidhaCLI

/// The export's download, below the command: the streaming response parser, byte by byte, and the URLSession
/// transport `https://` servers use (exercised here over plain HTTP, which URLSession speaks too).
@Suite("Audit export download")
struct AuditExportDownloadTests {
    /// Feeds `response` in pieces of `step` bytes; returns the status, the body, and whether it ended as framed.
    private func parse(_ response: String, step: Int) throws -> (status: Int, body: String, complete: Bool) {
        var parser = StreamedResponseParser()
        var body: [UInt8] = []
        var status = 0
        let bytes = Array(response.utf8)
        var index = 0
        while index < bytes.count {
            let end = min(bytes.count, index + step)
            try parser.feed(bytes[index..<end]) { head, piece in
                status = head.status
                body += piece
            }
            index = end
        }
        let complete = parser.isComplete
        try parser.finish()
        return (status, String(decoding: body, as: UTF8.self), complete)
    }

    @Test("a chunked body is reassembled whatever the reads' boundaries, extensions and trailers included")
    func chunkedInAnyPieces() throws {
        let response =
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nNafidha-Export-Id: ab\r\n\r\n"
            + "5;ext=1\r\nhello\r\n1\r\n,\r\n6\r\n world\r\n0\r\nX-Trailer: 1\r\n\r\n"
        for step in [1, 2, 3, 7, 1000] {
            let parsed = try parse(response, step: step)
            #expect(parsed.status == 200 && parsed.body == "hello, world" && parsed.complete, "step \(step)")
        }
    }

    @Test("a chunked body without its last chunk is cut short (RFC 9112 §7.1)")
    func cutChunked() throws {
        let response = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n"
        #expect(throws: ClientFailure.self) { try parse(response, step: 4) }
    }

    @Test("Content-Length frames a body; fewer bytes are a cut, none after the close is fine without a length")
    func countedAndUntilClose() throws {
        let counted = try parse("HTTP/1.1 403 Forbidden\r\nContent-Length: 4\r\n\r\n{\"a\"", step: 3)
        #expect(counted.status == 403 && counted.body == "{\"a\"" && counted.complete)
        #expect(throws: ClientFailure.self) {
            try parse("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort", step: 3)
        }
        let untilClose = try parse("HTTP/1.0 200 OK\r\n\r\nall of it", step: 4)
        #expect(untilClose.body == "all of it")
    }

    @Test("a head that never ends is refused once it passes the limit")
    func endlessHead() {
        let line = "X-Filler: " + String(repeating: "a", count: 1000) + "\r\n"
        let head = "HTTP/1.1 200 OK\r\n" + String(repeating: line, count: 300)
        #expect(throws: ClientFailure.self) { try parse(head, step: 4096) }
    }

    @Test("the URLSession transport streams the export and names it, and reports a cut")
    func urlSessionTransport() throws {
        let body = Array(String(repeating: "{\"line\":\"x\"}\n", count: 50_000).utf8)
        for cut in [false, true] {
            try AuditExportThroughAPITests.withFakeServer(body: body, cut: cut, sha256: "") { url in
                let client = StaffClient(
                    credentials: ClientCredentials(url: url, token: "nfs_test"), environment: [:])
                var collector = AuditExportDownload.Collector()
                var received: [UInt8] = []
                let target = try #require(URL(string: url + "/v1/audit/export"))
                do {
                    try AuditExportDownload(client: client).throughURLSession(
                        target, fields: [("Authorization", "Bearer nfs_test")], into: &collector
                    ) { received += $0 }
                    #expect(!cut, "a cut stream must fail")
                    #expect(try collector.exportID() == String(repeating: "ab", count: 16))
                    #expect(received == body)
                } catch let failure as ClientFailure {
                    #expect(cut, "\(failure)")
                }
            }
        }
    }
}
