import ArgumentParsing
import NafidhaContract

/// `nafidha reject TASK --reason TEXT`: the sector says no, which rejects the request.
struct RejectCommand: RunnableCommand {
    static let reason = Option<String>("reason", valueName: "text", help: "Why (required; the citizen sees it).")

    static let configuration = CommandConfiguration(
        name: "reject",
        abstract: "Rejects a task you hold, and with it the request.",
        arguments: [
            TaskActionCommand.task.definition, reason.definition, TaskActionCommand.version.definition,
            TaskActionCommand.json.definition,
        ]
    )

    let taskID: Int
    let reason: String
    let version: Int?
    let json: Bool

    init(parsing arguments: ParsedArguments) throws(UsageError) {
        taskID = try TaskActionCommand.requiredTask(arguments)
        reason = try TaskActionCommand.requiredText(Self.reason, arguments)
        version = try arguments.value(of: TaskActionCommand.version)
        json = arguments.isSet(TaskActionCommand.json)
    }

    func run(context: CommandContext) throws -> Int32 {
        TaskActionCommand.run(
            Routes.reject(task: Int64(taskID)), body: Staff.RejectBody(reason: reason, version: version),
            verb: "Rejected", json: json, context: context)
    }
}
