import Foundation

/// The position after the last task of a page, in the queue order (priority desc, due time, id): opaque to
/// clients, base64url of `priority|due|id`.
struct TaskCursor: Equatable {
    var priority: Int
    /// PostgreSQL's text of the due time (or `infinity`), so the comparison is exact to the microsecond.
    var due: String
    var id: Int64

    var encoded: String {
        Base64URL.encode(Array("\(priority)|\(due)|\(id)".utf8))
    }

    /// Decodes a client's cursor; nil when it is not one we made.
    init?(encoded: String) {
        var base64 = encoded.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard encoded.utf8.count <= 200, let data = Data(base64Encoded: base64),
            let text = String(data: data, encoding: .utf8)
        else { return nil }
        let parts = text.split(separator: "|", omittingEmptySubsequences: false)
        guard parts.count == 3, let priority = Int(parts[0]), let id = Int64(parts[2]),
            parts[1].range(of: "^(infinity|[0-9: .+-]{10,40})$", options: .regularExpression) != nil
        else { return nil }
        self.init(priority: priority, due: String(parts[1]), id: id)
    }

    init(priority: Int, due: String, id: Int64) {
        self.priority = priority
        self.due = due
        self.id = id
    }
}
