import ArgumentParsing
import NafidhaContract

/// Prints one task the server returned: JSON for `--json`, else a sentence and a one-row table.
enum TaskPrinter {
    static func print(_ task: Staff.QueueTask, verb: String, json: Bool, context: CommandContext) {
        guard !json else {
            context.standardOutput.writeLine(ClerkCommandRunner.jsonText(task))
            return
        }
        let style = TerminalStyle(context: context)
        context.standardOutput.writeLine(style.green("\(verb) task \(task.id) (\(task.trackingNumber))."))
        var table = TerminalTable(headers: ClerkCommandRunner.taskHeaders)
        table.rows.append(ClerkCommandRunner.taskRow(task, language: ClerkCommandRunner.language(context)))
        context.standardOutput.writeLine(table.render(style: style))
    }
}
