import ArgumentParsing
import NafidhaContract

/// `nafidha queue`: the queues the clerk may work, with counts, and their tasks by priority then due time, one page
/// at a time (`--cursor`) or all of them (`--all`); `--mine` lists the tasks the clerk holds, with their leases.
struct QueueCommand: RunnableCommand {
    static let sector = Option<String>("sector", valueName: "code", help: "Only this sector's queue.")
    static let municipality = Option<String>(
        "municipality", valueName: "code", help: "Only this municipality's queues.")
    static let overdue = Flag("overdue", help: "Only tasks past due (open or claimed).")
    static let mine = Flag("mine", help: "Only the tasks you hold (claimed or awaiting the citizen), with their lease.")
    static let status = Option<String>(
        "status", valueName: "status",
        help: "open, claimed, awaiting_citizen or active (all three). Default: open; active with --overdue or --mine.")
    static let limit = Option<Int>(
        "limit", valueName: "n", help: "Tasks per page, 1-200. Default: 50 (200 with --all).")
    static let cursor = Option<String>(
        "cursor", valueName: "cursor", help: "Start at this page: the cursor the previous page printed.")
    static let all = Flag("all", help: "Follow the pages to the end (at most \(maximumTasks) tasks).")
    static let json = Flag("json", help: "Print the server's JSON (queues, tasks, next_cursor) for scripts.")

    /// The most tasks `--all` gathers, so a huge queue cannot exhaust the terminal or the CLI's memory.
    static let maximumTasks = 10_000

    static let configuration = CommandConfiguration(
        name: "queue",
        abstract: "Lists your queues with their counts and the tasks waiting in them.",
        discussion: """
            Reads NAFIDHA_URL and NAFIDHA_TOKEN, or what 'nafidha login' stored. Shows open tasks, most urgent \
            first (priority, then due time); with --overdue, the open and claimed tasks past due; with --mine, the \
            tasks you hold and when each claim lapses. A page ends with the cursor of the next one: pass it with \
            --cursor, or use --all. Overdue tasks are red on a colour terminal (never with NO_COLOR).
            """,
        arguments: [
            sector.definition, municipality.definition, overdue.definition, mine.definition, status.definition,
            limit.definition, cursor.definition, all.definition, json.definition,
        ]
    )

    let sector: String?
    let municipality: String?
    let overdueOnly: Bool
    let mine: Bool
    let status: Staff.TaskQuery.Status
    let limit: Int?
    let cursor: String?
    let all: Bool
    let json: Bool

    init(parsing arguments: ParsedArguments) throws(UsageError) {
        sector = try arguments.value(of: Self.sector)
        municipality = try arguments.value(of: Self.municipality)
        overdueOnly = arguments.isSet(Self.overdue)
        mine = arguments.isSet(Self.mine)
        json = arguments.isSet(Self.json)
        all = arguments.isSet(Self.all)
        cursor = try arguments.value(of: Self.cursor)
        if let text = try arguments.value(of: Self.status) {
            guard let status = Staff.TaskQuery.Status(rawValue: text) else {
                throw UsageError.invalidValue(
                    for: Self.status.definition, value: text,
                    reason: "expected open, claimed, awaiting_citizen or active")
            }
            self.status = status
        } else {
            status = overdueOnly || mine ? .active : .open
        }
        limit = try arguments.value(of: Self.limit)
        if let limit, !(1...200).contains(limit) {
            throw UsageError.invalidValue(for: Self.limit.definition, value: String(limit), reason: "expected 1 to 200")
        }
    }

    func run(context: CommandContext) throws -> Int32 {
        ClerkCommandRunner.run(context: context) { client throws(ClientFailure) in
            let assignee = mine ? try client.send(Routes.staffMe.target()).name : nil
            var query = Staff.TaskQuery(
                municipality: municipality, sector: sector, status: status, overdue: overdueOnly ? true : nil,
                assignee: assignee, limit: limit ?? (all ? 200 : nil), cursor: cursor)
            let queues = try client.send(Routes.queues.target()).queues.filter { queue in
                (sector == nil || queue.sector == sector) && (municipality == nil || queue.municipality == municipality)
            }
            var page = try client.send(Routes.tasks(query))
            var tasks = page.tasks
            while all, let next = page.nextCursor, tasks.count < Self.maximumTasks {
                query.cursor = next
                query.limit = min(query.limit ?? 200, Self.maximumTasks - tasks.count)
                page = try client.send(Routes.tasks(query))
                tasks += page.tasks
            }
            let listing = Listing(queues: queues, tasks: tasks, nextCursor: page.nextCursor)
            if json {
                context.standardOutput.writeLine(ClerkCommandRunner.jsonText(listing))
            } else {
                print(listing, context: context)
            }
        }
    }

    private func print(_ listing: Listing, context: CommandContext) {
        let style = TerminalStyle(context: context)
        let language = ClerkCommandRunner.language(context)
        if !mine {
            var summary = TerminalTable(headers: ["QUEUE", "SECTOR", "OPEN", "CLAIMED", "AWAITING", "OVERDUE"])
            summary.rows = listing.queues.map { queue in
                [
                    "\(queue.municipality)/\(queue.office)", queue.sectorName.text(in: language), String(queue.open),
                    String(queue.claimed), String(queue.awaitingCitizen), String(queue.overdue),
                ]
            }
            context.standardOutput.writeLine(
                listing.queues.isEmpty ? "No queue has work for you." : summary.render(style: style))
            // The alert of a queue nobody watches (docs/clerks.md, "Unwatched queues").
            for queue in listing.queues where queue.unwatched {
                context.standardOutput.writeLine(
                    "Warning: nobody can claim the \(queue.open) open task(s) of \(queue.municipality)/\(queue.office) "
                        + "(\(queue.sector)): no active clerk of the sector.")
            }
        }
        guard !listing.tasks.isEmpty else {
            context.standardOutput.writeLine(
                mine ? "You hold no task." : overdueOnly ? "No overdue task." : "No \(status.rawValue) task.")
            return
        }
        if !mine { context.standardOutput.writeLine("") }
        let leases = mine || status == .claimed || status == .active
        var table = TerminalTable(headers: ClerkCommandRunner.taskHeaders + (leases ? ["LEASE ENDS (UTC)"] : []))
        table.rows = listing.tasks.map { task in
            ClerkCommandRunner.taskRow(task, language: language)
                + (leases ? [ClerkCommandRunner.minute(task.leaseExpiresAt)] : [])
        }
        let late = Set(listing.tasks.indices.filter { listing.tasks[$0].overdue })
        context.standardOutput.writeLine(table.render(style: style, highlighted: late))
        if let next = listing.nextCursor {
            context.standardOutput.writeLine(
                all
                    ? "(stopped after \(listing.tasks.count) tasks; go on with --cursor \(next))"
                    : "(more tasks: run again with --cursor \(next), or use --all)")
        }
    }

    /// What `--json` prints: the queues, the tasks (one page, or all with `--all`) and the cursor of the next page
    /// (`null` on the last).
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
