import ArgumentParsing
import Foundation
import NafidhaContract
import NafidhaCore

/// `nafidha admin notifications [--state dead|pending|sent] [--since INSTANT] [--limit N]`: counts per state, or
/// the notifications in one state, the most recent first.
struct NotificationsCommand: RunnableCommand {
    static let state = Option<String>(
        "state", valueName: "state", help: "dead, pending or sent: list those. Without it, count every state.")
    static let since = Option<String>(
        "since", valueName: "instant",
        help: "Only those last tried (or written) since: 2026-06-01 or an ISO 8601 instant.")
    static let limit = Option<Int>("limit", valueName: "n", help: "Rows listed at most (1-10000). Default: 100.")

    static let configuration = CommandConfiguration(
        name: "notifications",
        abstract: "Counts notifications per delivery state, or lists those in one state.",
        discussion: """
            A dead notification was refused for good or ran out of retries (24 hours): its last error says why; \
            send it again with nafidha admin redeliver ID. Recipients are masked.
            """,
        arguments: [state.definition, since.definition, limit.definition] + AdminDatabase.arguments
    )

    let listed: NotificationState?
    let since: Date?
    let limit: Int
    let database: DatabaseOptions

    init(parsing arguments: ParsedArguments) throws(UsageError) {
        if let text = try arguments.value(of: Self.state) {
            guard let state = NotificationState(rawValue: text) else {
                throw UsageError.invalidValue(
                    for: Self.state.definition, value: text, reason: "expected dead, pending or sent")
            }
            listed = state
        } else {
            listed = nil
        }
        if let text = try arguments.value(of: Self.since) {
            guard let date = InstantArgument.parse(text) else {
                throw UsageError.invalidValue(
                    for: Self.since.definition, value: text,
                    reason: "expected a date (2026-06-01) or an ISO 8601 instant")
            }
            since = date
        } else {
            since = nil
        }
        limit = try arguments.value(of: Self.limit) ?? NotificationLedger.defaultListLimit
        guard (1...10_000).contains(limit) else {
            throw UsageError.invalidValue(
                for: Self.limit.definition, value: String(limit), reason: "expected 1 to 10000")
        }
        database = try DatabaseOptions(parsing: arguments)
    }

    func run(context: CommandContext) throws -> Int32 {
        try NotificationAdmin.withServices(database, context: context) { services in
            guard let listed else {
                let counts = try services.notifications.counts()
                for state in NotificationState.allCases {
                    context.standardOutput.writeLine("\(state.rawValue): \(counts[state] ?? 0)")
                }
                return
            }
            let rows = try services.notifications.list(state: listed, since: since, limit: limit)
            guard !rows.isEmpty else {
                context.standardOutput.writeLine("No \(listed.rawValue) notifications.")
                return
            }
            var table = TerminalTable(
                headers: ["ID", "TRACKING", "EVENT", "CHANNEL", "TO", "ATTEMPTS", "LAST TRY (UTC)", "CODE", "ERROR"])
            table.rows = rows.map { row in
                [
                    String(row.id), row.trackingNumber, row.event.rawValue, row.channel.rawValue, row.recipient,
                    String(row.attempts), NotificationAdmin.instant(row.lastAttemptAt),
                    row.lastStatusCode.map(String.init) ?? "-", row.lastError.map { String($0.prefix(80)) } ?? "-",
                ]
            }
            context.standardOutput.writeLine(table.render(style: TerminalStyle(context: context)))
        }
        return 0
    }
}
