/// The answer of a route that a client reads as the bytes the server wrote, not as JSON: a report in CSV or HTML
/// (`Routes.renderedReport`). Never decoded; it only types the route.
public struct RawBody: Codable, Sendable, Equatable {
    /// The marker.
    public init() {}
}
