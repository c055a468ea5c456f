/// A run-time failure of a `nafidha` command, printed as one `Error: ...` line with its exit code (1 unless said
/// otherwise; docs/operations.md lists the codes).
struct CommandFailure: Error, CustomStringConvertible {
    /// EX_UNAVAILABLE from sysexits.h: a server or database that cannot be reached, or a missing data folder.
    static let unavailableExitCode: Int32 = 69

    /// What went wrong and, where known, what to do.
    let description: String
    /// The process exit code.
    let exitCode: Int32

    init(_ description: String, exitCode: Int32 = 1) {
        self.description = description
        self.exitCode = exitCode
    }

    /// A failure to reach something the command needs (exit 69).
    static func unavailable(_ description: String) -> CommandFailure {
        CommandFailure(description, exitCode: unavailableExitCode)
    }
}
