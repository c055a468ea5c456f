import ArgumentParsing

/// `nafidha approve TASK`: the sector says yes.
struct ApproveCommand: RunnableCommand {
    static let configuration = CommandConfiguration(
        name: "approve",
        abstract: "Approves a task you hold; the stage's last approval opens the next stage.",
        arguments: [TaskActionCommand.task.definition, TaskActionCommand.version.definition, TaskActionCommand.json.definition]
    )

    let taskID: Int
    let version: Int?
    let json: Bool

    init(parsing arguments: ParsedArguments) throws(UsageError) {
        taskID = try TaskActionCommand.requiredTask(arguments)
        version = try arguments.value(of: TaskActionCommand.version)
        json = arguments.isSet(TaskActionCommand.json)
    }

    func run(context: CommandContext) throws -> Int32 {
        TaskActionCommand.run("approve", taskID: taskID, body: [:], version: version, verb: "Approved", json: json, context: context)
    }
}
