/// What the tool prints and returns for an error a command threw at run time: one line after `Error: ` and the
/// process exit code. A tool passes `CommandLineTool` a function that makes one from any error, so that the words
/// people read are chosen in one place and no type name or internal detail reaches them.
public struct FailureReport: Sendable, Equatable {
    /// What failed and, where known, what to do; folded into one line when printed.
    public var message: String
    /// The process exit code (1 by default: `CommandLineTool.failureExitCode`).
    public var exitCode: Int32

    /// A report of `message` with `exitCode`.
    public init(_ message: String, exitCode: Int32 = CommandLineTool.failureExitCode) {
        self.message = message
        self.exitCode = exitCode
    }
}
