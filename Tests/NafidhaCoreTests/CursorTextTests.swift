import Foundation
import Testing

@testable import NafidhaCore

@Suite("Page cursors read strictly")
struct CursorTextTests {
    private static func encoded(_ text: String) -> String {
        Data(text.utf8).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    @Test("the cursors the server makes read back")
    func roundTrip() {
        let task = TaskCursor(priority: 5, due: "2026-06-01 07:00:00.123456+00", id: 42)
        #expect(TaskCursor(encoded: task.encoded) == task)
        let open = TaskCursor(priority: 0, due: "infinity", id: 1)
        #expect(TaskCursor(encoded: open.encoded) == open)
        let search = RequestSearchCursor(submitted: "2026-06-01 07:00:00+00", id: 9)
        #expect(RequestSearchCursor(encoded: search.encoded) == search)
    }

    @Test(
        "forged task cursors are refused before SQL",
        arguments: [
            "99999999999|infinity|0", "1|infinity|0", "1|infinity|-1", "01|infinity|1", "+1|infinity|1",
            "10|infinity|1", "1|-infinity|1", "1|0001-01-01 00:00:00+00|1", "1|9999-12-31 00:00:00+00|1",
            "1|2026-02-30 00:00:00+00|1", "1|2026-06-01 25:00:00+00|1", "1|2026-06-01 07:00:00+02|1",
            "1|2026-06-01 07:00:00.|1", "1|2026-06-01 07:00:00.1234567+00|1", "1|infinity|99999999999999999999",
            "1|infinity", "1|infinity|1|1", "1|infinity|1 ", "1|٢٠٢٦-06-01 07:00:00+00|1",
        ])
    func forgedTaskCursors(text: String) {
        #expect(TaskCursor(encoded: Self.encoded(text)) == nil)
    }

    @Test("cursors that are not base64url of UTF-8, or too long, are refused")
    func malformed() {
        #expect(TaskCursor(encoded: "zz") == nil)
        #expect(TaskCursor(encoded: "MXxpbmZpbml0eXwx==") == nil)  // padding is not base64url as we write it
        #expect(TaskCursor(encoded: "MXxpbmZpbml0eXwx+") == nil)
        #expect(TaskCursor(encoded: String(repeating: "A", count: 201)) == nil)
        #expect(RequestSearchCursor(encoded: Self.encoded("0001-01-01 00:00:00+00|1")) == nil)
        #expect(RequestSearchCursor(encoded: Self.encoded("2026-06-01 07:00:00+00|0")) == nil)
    }
}
