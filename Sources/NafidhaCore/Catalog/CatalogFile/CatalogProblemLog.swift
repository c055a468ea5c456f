/// The problems found so far in one catalog file, in the order found. A class, so the readers of nested values
/// add to one list; never shared between threads (one file is read on one thread).
final class CatalogProblemLog {
    /// At most this many problems are kept: a file wrong from top to bottom says enough with the first ones.
    static let limit = 500

    private(set) var problems: [CatalogProblem] = []
    /// How many were found beyond `limit`.
    private(set) var dropped = 0

    /// Notes `reason` at `path`, at `position` when the problem is about a member's name rather than its value.
    func add(_ reason: CatalogProblem.Reason, at path: JSONPath, position: SourcePosition? = nil) {
        guard problems.count < Self.limit else {
            dropped += 1
            return
        }
        problems.append(CatalogProblem(reason, at: path, position: position))
    }

    /// True when nothing was found.
    var isEmpty: Bool { problems.isEmpty }
}
