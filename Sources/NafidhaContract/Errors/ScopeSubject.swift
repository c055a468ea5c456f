/// What lies outside a staff member's scope, for the message of `out_of_scope`.
public enum ScopeSubject: Sendable, Hashable {
    /// A municipality the caller named.
    case municipality(String)
    /// A sector the caller named.
    case sector(String)
    /// A staff member who may not work the task's queue (reassigning to them).
    case assignee(String)
    /// The caller works in several municipalities and named none.
    case unnamedMunicipality
}
