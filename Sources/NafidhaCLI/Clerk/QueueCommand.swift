import ArgumentParsing
import NafidhaContract

/// `nafidha queue`: the queues the clerk may work, with counts, and their tasks by priority then due time.
struct QueueCommand: RunnableCommand {
    static let sector = Option<String>("sector", valueName: "code", help: "Only this sector's queue.")
    static let municipality = Option<String>(
        "municipality", valueName: "code", help: "Only this municipality's queues.")
    static let overdue = Flag("overdue", help: "Only tasks past due (open or claimed).")
    static let json = Flag("json", help: "Print the server's JSON (queues, tasks, next_cursor) for scripts.")

    static let configuration = CommandConfiguration(
        name: "queue",
        abstract: "Lists your queues with their counts and the tasks waiting in them.",
        discussion: """
            Reads NAFIDHA_URL and NAFIDHA_TOKEN, or what 'nafidha login' stored. Shows open tasks, most urgent \
            first (priority, then due time); with --overdue, the open and claimed tasks past due. Overdue tasks \
            are red on a colour terminal (never with NO_COLOR).
            """,
        arguments: [sector.definition, municipality.definition, overdue.definition, json.definition]
    )

    let sector: String?
    let municipality: String?
    let overdueOnly: Bool
    let json: Bool

    init(parsing arguments: ParsedArguments) throws(UsageError) {
        sector = try arguments.value(of: Self.sector)
        municipality = try arguments.value(of: Self.municipality)
        overdueOnly = arguments.isSet(Self.overdue)
        json = arguments.isSet(Self.json)
    }

    func run(context: CommandContext) throws -> Int32 {
        ClerkCommandRunner.run(context: context) { client throws(ClientFailure) in
            let query = Staff.TaskQuery(
                municipality: municipality, sector: sector, status: overdueOnly ? .active : .open,
                overdue: overdueOnly ? true : nil)
            let queues = try client.send(Routes.queues.target()).queues.filter { queue in
                (sector == nil || queue.sector == sector) && (municipality == nil || queue.municipality == municipality)
            }
            let page = try client.send(Routes.tasks(query))
            if json {
                context.standardOutput.writeLine(
                    ClerkCommandRunner.jsonText(Listing(queues: queues, tasks: page.tasks, nextCursor: page.nextCursor))
                )
                return
            }
            let style = TerminalStyle(context: context)
            let language = ClerkCommandRunner.language(context)
            var summary = TerminalTable(headers: ["QUEUE", "SECTOR", "OPEN", "CLAIMED", "AWAITING", "OVERDUE"])
            summary.rows = queues.map { queue in
                [
                    "\(queue.municipality)/\(queue.office)", queue.sectorName.text(in: language), String(queue.open),
                    String(queue.claimed), String(queue.awaitingCitizen), String(queue.overdue),
                ]
            }
            context.standardOutput.writeLine(
                queues.isEmpty ? "No queue has work for you." : summary.render(style: style))
            guard !page.tasks.isEmpty else {
                context.standardOutput.writeLine(overdueOnly ? "No overdue task." : "No open task.")
                return
            }
            var table = TerminalTable(headers: ClerkCommandRunner.taskHeaders)
            table.rows = page.tasks.map { ClerkCommandRunner.taskRow($0, language: language) }
            let late = Set(page.tasks.indices.filter { page.tasks[$0].overdue })
            context.standardOutput.writeLine("")
            context.standardOutput.writeLine(table.render(style: style, highlighted: late))
            if page.nextCursor != nil {
                context.standardOutput.writeLine("(more tasks: use --json and the API's cursor, or claim some first)")
            }
        }
    }

    /// What `--json` prints: the queues, the first page of tasks and the cursor of the next (`null` on the last).
    private struct Listing: Encodable {
        let queues: [Staff.QueueSummary]
        let tasks: [Staff.QueueTask]
        let nextCursor: String?

        enum CodingKeys: String, CodingKey {
            case queues, tasks
            case nextCursor = "next_cursor"
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(queues, forKey: .queues)
            try container.encode(tasks, forKey: .tasks)
            try container.encode(nextCursor, forKey: .nextCursor)
        }
    }
}
