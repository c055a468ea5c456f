import ArgumentParsing
import NafidhaCore

/// `nafidha sla sweep`: one run of the escalation sweep (the server runs it every minute by itself).
struct SLASweepCommand: RunnableCommand {
    static let json = Flag("json", help: "Print the counts as JSON.")

    static let configuration = CommandConfiguration(
        name: "sweep",
        abstract: "Escalates overdue tasks and returns lapsed claims to their queues, once.",
        discussion: """
            Each overdue open or claimed task is escalated once: its priority rises by one and one 'escalated' \
            audit event is written, so it surfaces to supervisors. Claims whose lease lapsed go back to the queue.
            """,
        arguments: [json.definition] + AdminDatabase.arguments
    )

    let json: Bool
    let database: DatabaseOptions

    init(parsing arguments: ParsedArguments) throws(UsageError) {
        json = arguments.isSet(Self.json)
        database = try DatabaseOptions(parsing: arguments)
    }

    func run(context: CommandContext) throws -> Int32 {
        let result = try AdminDatabase.withPool(database, context: context) {
            try NafidhaServices(pool: $0).sweep.run()
        }
        context.standardOutput.writeLine(
            json
                ? #"{"deadlines_announced":\#(result.deadlinesAnnounced),"escalated":\#(result.escalated),"leases_lapsed":\#(result.leasesLapsed)}"#
                : "Escalated \(result.escalated) overdue task(s); \(result.leasesLapsed) lapsed claim(s) returned to their queues; \(result.deadlinesAnnounced) approaching deadline(s) announced."
        )
        return 0
    }
}
