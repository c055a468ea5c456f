import NafidhaContract

/// Who performed a workflow change, as the audit trail and the request's messages name them: a staff member (by
/// login), the citizen (by tracking number) or the system. Callers reach the engine as a `StaffMember` or an
/// authenticated request, which the engine authorizes and turns into an actor.
public struct Actor: Sendable, Hashable {
    /// The kind of actor, as the audit trail records it.
    public var kind: ActorKind
    /// The clerk's login, the request's tracking number for a citizen, `nafidha` for the system.
    public var id: String

    /// Creates an actor.
    public init(kind: ActorKind, id: String) {
        self.kind = kind
        self.id = id
    }

    /// The system itself, for automatic transitions (stage advance, cascades).
    public static let system = Actor(kind: .system, id: "nafidha")
}
