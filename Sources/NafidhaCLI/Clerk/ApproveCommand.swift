import ArgumentParsing
import NafidhaContract

/// `nafidha approve TASK [--note TEXT]`: the sector says yes.
struct ApproveCommand: RunnableCommand {
    static let note = Option<String>("note", valueName: "text", help: "An internal note to keep with the approval.")

    static let configuration = CommandConfiguration(
        name: "approve",
        abstract: "Approves a task you hold; the stage's last approval opens the next stage.",
        arguments: [
            TaskActionCommand.task.definition, note.definition, TaskActionCommand.version.definition,
            TaskActionCommand.json.definition,
        ]
    )

    let taskID: Int
    let note: String?
    let version: Int?
    let json: Bool

    init(parsing arguments: ParsedArguments) throws(UsageError) {
        taskID = try TaskActionCommand.requiredTask(arguments)
        note = try arguments.value(of: Self.note) == nil ? nil : TaskActionCommand.requiredText(Self.note, arguments)
        version = try arguments.value(of: TaskActionCommand.version)
        json = arguments.isSet(TaskActionCommand.json)
    }

    func run(context: CommandContext) throws -> Int32 {
        TaskActionCommand.run(
            Routes.approve(task: Int64(taskID)), body: Staff.ApproveBody(version: version, note: note),
            verb: "Approved", json: json, context: context)
    }
}
