import Foundation

/// The position after the last request of a search page, in the search's order (submission time, newest first,
/// then id): opaque to clients, base64url of `submitted|id`, each part read strictly (`CursorText`).
struct RequestSearchCursor: Equatable {
    /// PostgreSQL's text of the submission time, so the comparison is exact to the microsecond.
    var submitted: String
    var id: Int64

    var encoded: String {
        Base64URL.encode(Array("\(submitted)|\(id)".utf8))
    }

    /// Decodes a client's cursor; nil when it is not one we made.
    init?(encoded: String) {
        guard let parts = CursorText.parts(encoded, count: 2), CursorText.isTimestamp(parts[0]),
            let id = CursorText.number(parts[1], in: 1...Int64.max)
        else { return nil }
        self.init(submitted: String(parts[0]), id: id)
    }

    init(submitted: String, id: Int64) {
        self.submitted = submitted
        self.id = id
    }
}
