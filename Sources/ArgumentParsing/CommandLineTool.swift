import Foundation

/// Parses words for a command tree, prints help, version and usage errors, and runs the chosen command.
public struct CommandLineTool: Sendable {
    /// The exit code for a mistake in the invocation (EX_USAGE from sysexits.h).
    public static let usageExitCode: Int32 = 64
    /// The exit code for a command that failed at run time.
    public static let failureExitCode: Int32 = 1

    private let root: any ParsableCommand.Type
    private let report: @Sendable (any Error) -> FailureReport

    /// A tool whose root command is `root`.
    /// - Parameters:
    ///   - report: turns an error a command threw at run time into the line printed after `Error: ` and the exit
    ///     code. The default prints the error's description and exits 1.
    public init(
        root: any ParsableCommand.Type,
        report: @escaping @Sendable (any Error) -> FailureReport = { FailureReport(String(describing: $0)) }
    ) {
        self.root = root
        self.report = report
    }

    /// Runs the command named by `arguments` (without the program name) and returns the exit code.
    public func run(arguments: [String], context: CommandContext) -> Int32 {
        let invocation: CommandParser.Invocation
        do {
            invocation = try CommandParser(root: root).parse(arguments)
        } catch {
            return reportUsageError(error.error, path: error.path, context: context)
        }
        let formatter = HelpFormatter(path: invocation.path)
        switch invocation.action {
        case .help:
            context.standardOutput.write(formatter.help)
            return 0
        case .version(let version):
            context.standardOutput.writeLine("\(root.configuration.name) \(version)")
            return 0
        case .run(let parsed):
            guard let runnable = invocation.path[invocation.path.count - 1] as? any RunnableCommand.Type else {
                return reportUsageError(.missingSubcommand, path: invocation.path, context: context)
            }
            do {
                let command = try runnable.init(parsing: parsed)
                return try command.run(context: context)
            } catch let error as UsageError {
                return reportUsageError(error, path: invocation.path, context: context)
            } catch {
                let failure = report(error)
                context.standardError.writeLine("Error: \(Self.oneLine(failure.message))")
                return failure.exitCode
            }
        }
    }

    private func reportUsageError(_ error: UsageError, path: [any ParsableCommand.Type], context: CommandContext)
        -> Int32
    {
        let formatter = HelpFormatter(path: path)
        context.standardError.write(
            """
            Error: \(error)
            Usage: \(formatter.usage)
            See '\(formatter.commandName) --help'.

            """)
        return Self.usageExitCode
    }

    /// Folds a possibly multi-line message (libpq's end with newlines) into one line for `Error: ...`.
    static func oneLine(_ message: String) -> String {
        message.split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
            .joined(separator: " ")
    }
}
