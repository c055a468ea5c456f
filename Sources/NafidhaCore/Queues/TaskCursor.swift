import Foundation

/// The position after the last task of a page, in the queue order (priority desc, due time, id): opaque to
/// clients, base64url of `priority|due|id`, each part read strictly (`CursorText`).
struct TaskCursor: Equatable {
    /// The task's priority, 0 to 9 (the column's CHECK).
    var priority: Int
    /// PostgreSQL's text of the due time (or `infinity`), so the comparison is exact to the microsecond.
    var due: String
    var id: Int64

    var encoded: String {
        Base64URL.encode(Array("\(priority)|\(due)|\(id)".utf8))
    }

    /// Decodes a client's cursor; nil when it is not one we made.
    init?(encoded: String) {
        guard let parts = CursorText.parts(encoded, count: 3),
            let priority = CursorText.number(parts[0], in: 0...9),
            let id = CursorText.number(parts[2], in: 1...Int64.max),
            parts[1] == "infinity" || CursorText.isTimestamp(parts[1])
        else { return nil }
        self.init(priority: priority, due: String(parts[1]), id: id)
    }

    init(priority: Int, due: String, id: Int64) {
        self.priority = priority
        self.due = due
        self.id = id
    }
}
