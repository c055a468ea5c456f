/// A route as a router registers it: a method and a path template whose parameters are segments written `:name`
/// (`/v1/staff/tasks/:task/claim`).
public struct RouteTemplate: Hashable, Sendable, CustomStringConvertible {
    /// The method.
    public let method: RouteMethod
    /// The path template.
    public let path: String

    /// A template; `path` starts with `/`.
    public init(_ method: RouteMethod, _ path: String) {
        self.method = method
        self.path = path
    }

    /// The names of the path's parameters, in order.
    public var parameterNames: [String] {
        path.split(separator: "/").filter { $0.hasPrefix(":") }.map { String($0.dropFirst()) }
    }

    /// `POST /v1/staff/tasks/:task/claim`.
    public var description: String { "\(method.rawValue) \(path)" }
}
