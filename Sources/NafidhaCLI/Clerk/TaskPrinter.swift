import ArgumentParsing

/// Prints one task the server returned: JSON for `--json`, else a sentence and a one-row table.
enum TaskPrinter {
    static func print(_ answer: Any, verb: String, json: Bool, context: CommandContext) {
        guard !json else {
            context.standardOutput.writeLine(ClerkCommandRunner.jsonText(answer))
            return
        }
        let task = answer as? [String: Any] ?? [:]
        let style = TerminalStyle(context: context)
        context.standardOutput.writeLine(
            style.green("\(verb) task \(task["id"] as? Int ?? 0) (\(task["tracking_number"] as? String ?? "?"))."))
        var table = TerminalTable(headers: ClerkCommandRunner.taskHeaders)
        table.rows.append(ClerkCommandRunner.taskRow(task, language: ClerkCommandRunner.languageKey(context)))
        context.standardOutput.writeLine(table.render(style: style))
    }
}
