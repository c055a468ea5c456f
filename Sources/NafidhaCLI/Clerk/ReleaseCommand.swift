import ArgumentParsing
import NafidhaContract

/// `nafidha release TASK`: gives a claimed task back to its queue.
struct ReleaseCommand: RunnableCommand {
    static let task = Positional<Int>("task", help: "The task's number.")
    static let json = Flag("json", help: "Print the released task as JSON.")

    static let configuration = CommandConfiguration(
        name: "release",
        abstract: "Gives a task you hold back to its queue.",
        arguments: [task.definition, json.definition]
    )

    let taskID: Int
    let json: Bool

    init(parsing arguments: ParsedArguments) throws(UsageError) {
        guard let task = try arguments.value(of: Self.task) else { throw UsageError.required(Self.task.definition) }
        taskID = task
        json = arguments.isSet(Self.json)
    }

    func run(context: CommandContext) throws -> Int32 {
        ClerkCommandRunner.run(context: context) { client throws(ClientFailure) in
            TaskPrinter.print(
                try client.send(Routes.release(task: Int64(taskID)), body: Staff.VersionBody()), verb: "Released",
                json: json, context: context)
        }
    }
}
