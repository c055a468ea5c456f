#if canImport(Glibc)
    import Glibc
#endif

/// A failed system call: the call's name, `errno` and its `strerror` text.
public struct SystemCallError: Error, Sendable, CustomStringConvertible {
    /// The system call that failed, e.g. `"bind"`.
    public var call: String
    /// The `errno` value the call left.
    public var errno: Int32
    /// `strerror(errno)`, captured at the time of failure.
    public var message: String

    init(call: String, errno: Int32) {
        self.call = call
        self.errno = errno
        self.message = String(cString: strerror(errno))
    }

    /// `"bind: Address already in use (errno 98)"`.
    public var description: String { "\(call): \(message) (errno \(errno))" }
}
