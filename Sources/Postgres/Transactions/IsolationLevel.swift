/// A transaction isolation level, as PostgreSQL names them.
public enum IsolationLevel: Sendable {
    /// Each statement sees data committed before it began (PostgreSQL's default).
    case readCommitted
    /// The whole transaction sees one snapshot; concurrent updates of the same rows fail with 40001.
    case repeatableRead
    /// Behaves as if transactions ran one after another; conflicts fail with 40001 and should be retried.
    case serializable

    /// The constant `BEGIN` statement for this level.
    var beginStatement: String {
        switch self {
        case .readCommitted: "BEGIN ISOLATION LEVEL READ COMMITTED"
        case .repeatableRead: "BEGIN ISOLATION LEVEL REPEATABLE READ"
        case .serializable: "BEGIN ISOLATION LEVEL SERIALIZABLE"
        }
    }
}
