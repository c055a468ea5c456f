extension Router {
    /// Registers a GET handler (also answers HEAD, without the body).
    public mutating func get(_ path: String, inline: Bool = false, handler: @escaping Handler) {
        add(method: "GET", path: path, inline: inline, handler: handler)
    }

    /// Registers a POST handler.
    public mutating func post(_ path: String, handler: @escaping Handler) {
        add(method: "POST", path: path, handler: handler)
    }

    /// Registers a PUT handler.
    public mutating func put(_ path: String, handler: @escaping Handler) {
        add(method: "PUT", path: path, handler: handler)
    }

    /// Registers a DELETE handler.
    public mutating func delete(_ path: String, handler: @escaping Handler) {
        add(method: "DELETE", path: path, handler: handler)
    }

    /// Registers a PATCH handler.
    public mutating func patch(_ path: String, handler: @escaping Handler) {
        add(method: "PATCH", path: path, handler: handler)
    }
}
