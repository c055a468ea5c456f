import ArgumentParsing
import NafidhaContract

/// `nafidha claim (TASK | --next [--sector S])`: takes a task from the queue.
struct ClaimCommand: RunnableCommand {
    static let task = Positional<Int>("task", isOptional: true, help: "The task's number, as 'nafidha queue' shows it.")
    static let next = Flag("next", help: "Claim the most urgent open task of your queues instead.")
    static let sector = Option<String>("sector", valueName: "code", help: "With --next: only this sector's queue.")
    static let json = Flag("json", help: "Print the claimed task as JSON.")

    static let configuration = CommandConfiguration(
        name: "claim",
        abstract: "Claims a task (by number, or the next one) so that you alone work on it.",
        discussion: """
            A claim is a lease: without action it lapses after a while (30 minutes by default) and the task goes \
            back to its queue. Two clerks never hold the same task; claiming one that someone holds fails.
            """,
        arguments: [task.definition, next.definition, sector.definition, json.definition]
    )

    let taskID: Int?
    let sector: String?
    let json: Bool

    init(parsing arguments: ParsedArguments) throws(UsageError) {
        taskID = try arguments.value(of: Self.task)
        sector = try arguments.value(of: Self.sector)
        json = arguments.isSet(Self.json)
        let next = arguments.isSet(Self.next)
        if next, taskID != nil { throw UsageError.conflict(Self.task.definition, Self.next.definition) }
        if !next, taskID == nil { throw UsageError.required(Self.task.definition) }
        if !next, sector != nil { throw UsageError.conflict(Self.task.definition, Self.sector.definition) }
    }

    func run(context: CommandContext) throws -> Int32 {
        ClerkCommandRunner.run(context: context) { client throws(ClientFailure) in
            let task =
                if let taskID {
                    try client.send(Routes.claim(task: Int64(taskID)), body: Staff.VersionBody())
                } else {
                    try client.send(Routes.claimNext.target(), body: Staff.ClaimNextBody(sector: sector))
                }
            TaskPrinter.print(task, verb: "Claimed", json: json, context: context)
        }
    }
}
