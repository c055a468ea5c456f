import NafidhaContract

/// Who performs a workflow change: a clerk (by login), the citizen (by tracking number) or the system.
/// Authorization (which clerk may act on which queue) arrives with the staff directory; the engine already takes
/// the actor on every call so that check can be added without changing a signature.
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
