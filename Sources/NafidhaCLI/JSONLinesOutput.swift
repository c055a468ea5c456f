import ArgumentParsing
import HTTP

/// A command's output written as JSON log lines (`NAFIDHA_LOG_FORMAT=json`): each line `serve` or the commands it
/// calls write (migrations, the database chosen, start and stop) becomes one object in the format of the server's
/// own log (`LogLine`), so a log collector reads one format from the whole process.
struct JSONLinesOutput: TextOutput {
    let wrapped: any TextOutput
    /// The level of lines with no `Warning: ` or `Error: ` prefix.
    let level: LogLevel

    func write(_ text: String) {
        var rendered = ""
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            var level = self.level
            var message = Substring(line)
            for candidate in [LogLevel.warning, .error] where message.hasPrefix(candidate.textPrefix) {
                level = candidate
                message = message.dropFirst(candidate.textPrefix.count)
            }
            rendered += LogLine.render(level, String(message), format: .json, timestamp: LogLine.timestamp()) + "\n"
        }
        wrapped.write(rendered)
    }

    /// `context` with both outputs writing JSON lines: standard output at `info`, standard error at `warning`.
    static func context(wrapping context: CommandContext) -> CommandContext {
        var context = context
        context.standardOutput = JSONLinesOutput(wrapped: context.standardOutput, level: .info)
        context.standardError = JSONLinesOutput(wrapped: context.standardError, level: .warning)
        return context
    }
}
