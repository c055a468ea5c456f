import Foundation

/// The position after the last request of a search page, in the search's order (submission time, newest first,
/// then id): opaque to clients, base64url of `submitted|id`.
struct RequestSearchCursor: Equatable {
    /// PostgreSQL's text of the submission time, so the comparison is exact to the microsecond.
    var submitted: String
    var id: Int64

    var encoded: String {
        Base64URL.encode(Array("\(submitted)|\(id)".utf8))
    }

    /// Decodes a client's cursor; nil when it is not one we made.
    init?(encoded: String) {
        var base64 = encoded.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard encoded.utf8.count <= 200, let data = Data(base64Encoded: base64),
            let text = String(data: data, encoding: .utf8)
        else { return nil }
        let parts = text.split(separator: "|", omittingEmptySubsequences: false)
        guard parts.count == 2, let id = Int64(parts[1]),
            parts[0].range(of: "^[0-9: .+-]{10,40}$", options: .regularExpression) != nil
        else { return nil }
        self.init(submitted: String(parts[0]), id: id)
    }

    init(submitted: String, id: Int64) {
        self.submitted = submitted
        self.id = id
    }
}
