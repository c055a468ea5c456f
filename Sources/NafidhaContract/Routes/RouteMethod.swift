/// The HTTP methods the API uses.
public enum RouteMethod: String, Codable, Sendable, CaseIterable {
    /// Reads.
    case get = "GET"
    /// Creates or acts.
    case post = "POST"
    /// Ends something (a citizen's session).
    case delete = "DELETE"
}
