/// A run-time failure of a `nafidha` command, printed as one `Error: ...` line with exit code 1.
struct CommandFailure: Error, CustomStringConvertible {
    /// What went wrong and, where known, what to do.
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
