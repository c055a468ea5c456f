/// Where a public text stands (docs/open311.md, "Moderation"): a request's description or a public note. The
/// database's CHECK constraints list the same words (`held` only for descriptions).
public enum ModerationState: String, Sendable, CaseIterable, Codable {
    /// Shown as written.
    case visible = "public"
    /// Filed with something shaped like a national id or a phone number: not shown until a clerk looks.
    case held
    /// Not shown.
    case hidden
    /// Shown as the clerk rewrote it.
    case redacted
}
