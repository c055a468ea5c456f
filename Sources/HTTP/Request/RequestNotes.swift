import Synchronization

/// What a handler tells the server about its request for the access log, kept by reference so the event loop that
/// writes the log line sees what the worker wrote.
final class RequestNotes: Sendable {
    private let storedUser = Mutex<String?>(nil)

    /// The authenticated user's opaque id, once a handler or middleware named it.
    var user: String? { storedUser.withLock { $0 } }

    func setUser(_ id: String) {
        storedUser.withLock { $0 = id }
    }
}
