import ArgumentParsing
import Foundation

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
            var query = [URLQueryItem(name: "status", value: overdueOnly ? "active" : "open")]
            if overdueOnly { query.append(URLQueryItem(name: "overdue", value: "true")) }
            if let sector { query.append(URLQueryItem(name: "sector", value: sector)) }
            if let municipality { query.append(URLQueryItem(name: "municipality", value: municipality)) }
            var components = URLComponents()
            components.queryItems = query
            let queues = try client.call("GET", "/v1/staff/queues") as? [String: Any] ?? [:]
            let page =
                try client.call("GET", "/v1/staff/tasks" + (components.percentEncodedQuery.map { "?" + $0 } ?? ""))
                as? [String: Any] ?? [:]
            var allQueues = queues["queues"] as? [[String: Any]] ?? []
            allQueues = allQueues.filter { queue in
                (sector == nil || queue["sector"] as? String == sector)
                    && (municipality == nil || queue["municipality"] as? String == municipality)
            }
            let tasks = page["tasks"] as? [[String: Any]] ?? []
            if json {
                var output: [String: Any] = ["queues": allQueues, "tasks": tasks]
                output["next_cursor"] = page["next_cursor"] ?? NSNull()
                context.standardOutput.writeLine(ClerkCommandRunner.jsonText(output))
                return
            }
            let style = TerminalStyle(context: context)
            let language = ClerkCommandRunner.languageKey(context)
            var summary = TerminalTable(headers: ["QUEUE", "SECTOR", "OPEN", "CLAIMED", "AWAITING", "OVERDUE"])
            for queue in allQueues {
                let name = (queue["sector_name"] as? [String: Any])?[language] as? String ?? ""
                summary.rows.append([
                    "\(queue["municipality"] as? String ?? "")/\(queue["office"] as? String ?? "")", name,
                    "\(queue["open"] as? Int ?? 0)", "\(queue["claimed"] as? Int ?? 0)",
                    "\(queue["awaiting_citizen"] as? Int ?? 0)", "\(queue["overdue"] as? Int ?? 0)",
                ])
            }
            context.standardOutput.writeLine(
                allQueues.isEmpty ? "No queue has work for you." : summary.render(style: style))
            guard !tasks.isEmpty else {
                context.standardOutput.writeLine(overdueOnly ? "No overdue task." : "No open task.")
                return
            }
            var table = TerminalTable(headers: ClerkCommandRunner.taskHeaders)
            var late = Set<Int>()
            for (index, task) in tasks.enumerated() {
                table.rows.append(ClerkCommandRunner.taskRow(task, language: language))
                if task["overdue"] as? Bool == true { late.insert(index) }
            }
            context.standardOutput.writeLine("")
            context.standardOutput.writeLine(table.render(style: style, highlighted: late))
            if page["next_cursor"] is String {
                context.standardOutput.writeLine("(more tasks: use --json and the API's cursor, or claim some first)")
            }
        }
    }
}
