import ArgumentParsing
import Foundation

/// The entry point of the `nafidha` executable, kept here so tests can run commands in-process.
public enum NafidhaTool {
    /// Runs `arguments` (without the program name) in `context` and returns the process exit code.
    public static func run(arguments: [String], context: CommandContext) -> Int32 {
        CommandLineTool(root: NafidhaCommand.self, report: FailureReporting.report).run(
            arguments: arguments, context: context)
    }

    /// Runs the process's own arguments against its environment, standard output and standard error.
    public static func main() -> Int32 {
        let context = CommandContext(
            environment: ProcessInfo.processInfo.environment,
            currentDirectory: FileManager.default.currentDirectoryPath,
            standardOutput: FileDescriptorOutput.standardOutput,
            standardError: FileDescriptorOutput.standardError
        )
        return run(arguments: Array(CommandLine.arguments.dropFirst()), context: context)
    }
}
