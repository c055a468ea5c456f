/// What a clerk does to a public text (`nafidha moderate`); the database's CHECK constraint lists the same words.
public enum ModerationAction: String, Sendable, CaseIterable, Codable {
    /// Shows the text as written again (a held description a clerk looked at, or a mistake undone).
    case release
    /// Stops showing the text.
    case hide
    /// Shows another text in its place (`text`), the original kept for staff.
    case redact

    /// The state the text is in afterwards.
    public var state: ModerationState {
        switch self {
        case .release: .visible
        case .hide: .hidden
        case .redact: .redacted
        }
    }
}
