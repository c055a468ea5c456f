import ArgumentParsing
import Foundation
import NafidhaCore

/// `nafidha audit status`: the events waiting for the sequencer and every chain's head, read from the database.
struct AuditStatusCommand: RunnableCommand {
    static let configuration = CommandConfiguration(
        name: "status",
        abstract: "Shows the events waiting to be chained and each municipality's chain head.",
        discussion: """
            Writers store audit events unchained; the sequencer in nafidha serve chains them within about a second. \
            Prints how many wait and how long the oldest has waited (what GET /readyz shows), then one line per \
            municipality: its head as SEQ:HASH (record it as an anchor for nafidha audit verify), when its last \
            chained event occurred, and its events still waiting. Needs --database-url, DATABASE_URL or the \
            --data-dir of an existing cluster (it never creates one).
            """,
        arguments: AdminDatabase.arguments
    )

    let database: DatabaseOptions

    init(parsing arguments: ParsedArguments) throws(UsageError) {
        database = try DatabaseOptions(parsing: arguments)
    }

    func run(context: CommandContext) throws -> Int32 {
        try AdminDatabase.withConnection(database, context: context) { connection in
            let backlog = try AuditBacklog.read(on: connection)
            let chains = try AuditChainStatus.all(on: connection)
            context.standardOutput.writeLine(
                "Waiting to be chained: "
                    + (backlog.unchainedEvents == 0
                        ? "none."
                        : "\(backlog.countCapped ? "at least " : "")\(backlog.unchainedEvents) event(s)"
                            + Self.oldest(backlog.oldestUnchainedAgeSeconds) + "."))
            for chain in chains {
                let head = chain.headSeq == 0 ? "head 0 (genesis)" : "head \(chain.headSeq):\(chain.headHash)"
                let last = chain.lastOccurredAt.map { ", last event at \($0)" } ?? ""
                context.standardOutput.writeLine(
                    "\(chain.municipality) \(head)\(last); \(chain.unchainedEvents) waiting"
                        + Self.oldest(chain.oldestUnchainedAgeSeconds))
            }
            return 0
        }
    }

    /// `", the oldest for 0.4 s"`, or nothing when none waits.
    static func oldest(_ seconds: Double?) -> String {
        seconds.map { ", the oldest for " + String(format: "%.1f", max(0, $0)) + " s" } ?? ""
    }
}
