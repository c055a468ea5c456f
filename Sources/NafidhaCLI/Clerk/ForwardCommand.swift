import ArgumentParsing
import NafidhaContract

/// `nafidha forward TASK --to SECTOR --reason TEXT`: moves a misrouted task to another sector's queue.
struct ForwardCommand: RunnableCommand {
    static let to = Option<String>(
        "to", valueName: "sector", help: "The sector whose queue should hold the task (required).")
    static let reason = Option<String>("reason", valueName: "text", help: "Why it was misrouted (required; internal).")

    static let configuration = CommandConfiguration(
        name: "forward",
        abstract: "Forwards a task to another sector of the same municipality (a misroute correction).",
        arguments: [
            TaskActionCommand.task.definition, to.definition, reason.definition,
            TaskActionCommand.version.definition, TaskActionCommand.json.definition,
        ]
    )

    let taskID: Int
    let sector: String
    let reason: String
    let version: Int?
    let json: Bool

    init(parsing arguments: ParsedArguments) throws(UsageError) {
        taskID = try TaskActionCommand.requiredTask(arguments)
        sector = try TaskActionCommand.requiredText(Self.to, arguments)
        reason = try TaskActionCommand.requiredText(Self.reason, arguments)
        version = try arguments.value(of: TaskActionCommand.version)
        json = arguments.isSet(TaskActionCommand.json)
    }

    func run(context: CommandContext) throws -> Int32 {
        TaskActionCommand.run(
            Routes.forward(task: Int64(taskID)),
            body: Staff.ForwardBody(sector: sector, reason: reason, version: version), verb: "Forwarded", json: json,
            context: context)
    }
}
