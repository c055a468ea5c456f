/// The body of a route that takes none (GET, and POSTs such as a citizen's cancellation): never sent.
public struct NoBody: Codable, Sendable, Equatable {
    /// The absent body.
    public init() {}
}
