import Foundation
import HTTP
import Testing

@Suite("JSON log lines")
struct JSONLogTests {
    @Test("each access-log line is one JSON object with the route pattern, never the path or its query")
    func accessLinesAreJSON() throws {
        let log = LogCapture()
        let router = Router()
        router.get("/requests/:tracking") { _, context in
            context.core.identify(user: "42")
            return .text("ok")
        }
        try withServer(router, log: log, .configured { $0.logFormat = .json }) { port in
            let client = try TestClient(port: port)
            _ = try client.request("GET", "/requests/LY-TRP-2026-000123?token=secret", headers: ["X-Request-ID: abc-1"])
            _ = try client.request("GET", "/missing")
        }
        let lines = log.all
        #expect(lines.count == 2)
        let objects = try lines.map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "\(line)")
        }
        let first = objects[0]
        #expect(first["kind"] as? String == "access" && first["level"] as? String == "info")
        #expect(first["request_id"] as? String == "abc-1")
        #expect(first["route"] as? String == "/requests/:tracking")
        #expect(first["status"] as? Int == 200 && first["method"] as? String == "GET")
        #expect(first["user_id"] as? String == "42")
        #expect(first["duration_ms"] is Double && first["time"] is String)
        #expect(!lines[0].contains("000123") && !lines[0].contains("secret"))
        #expect(objects[1]["route"] as? String == "unmatched" && objects[1]["status"] as? Int == 404)
        #expect(objects[1]["user_id"] == nil)
    }

    @Test("messages are JSON objects too, and text lines keep their wording")
    func messagesFollowTheFormat() throws {
        let json = LogLine.render(.warning, "the \"sweep\" failed", format: .json, timestamp: "2026-01-01T00:00:00Z")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["level"] as? String == "warning" && object["msg"] as? String == "the \"sweep\" failed")
        #expect(object["time"] as? String == "2026-01-01T00:00:00Z")
        #expect(LogLine.render(.warning, "x", format: .text, timestamp: "t") == "Warning: x")
        #expect(LogLine.render(.info, "Ready.", format: .text, timestamp: "t") == "Ready.")
    }
}
