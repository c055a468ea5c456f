import ArgumentParsing
import NafidhaContract

/// `nafidha request-info TASK --message TEXT`: asks the citizen; the task's clock pauses until the reply.
struct RequestInfoCommand: RunnableCommand {
    static let message = Option<String>("message", valueName: "text", help: "The question for the citizen (required).")

    static let configuration = CommandConfiguration(
        name: "request-info",
        abstract: "Asks the citizen for information; the task waits (clock paused) and comes back to you on reply.",
        arguments: [
            TaskActionCommand.task.definition, message.definition, TaskActionCommand.version.definition,
            TaskActionCommand.json.definition,
        ]
    )

    let taskID: Int
    let message: String
    let version: Int?
    let json: Bool

    init(parsing arguments: ParsedArguments) throws(UsageError) {
        taskID = try TaskActionCommand.requiredTask(arguments)
        message = try TaskActionCommand.requiredText(Self.message, arguments)
        version = try arguments.value(of: TaskActionCommand.version)
        json = arguments.isSet(TaskActionCommand.json)
    }

    func run(context: CommandContext) throws -> Int32 {
        TaskActionCommand.run(
            Routes.requestInfo(task: Int64(taskID)), body: Staff.RequestInfoBody(message: message, version: version),
            verb: "Asked the citizen about", json: json, context: context)
    }
}
