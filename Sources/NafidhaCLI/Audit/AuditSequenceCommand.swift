import ArgumentParsing
import NafidhaCore

/// `nafidha audit sequence`: chains the events waiting for the sequencer once, for databases no server runs on.
struct AuditSequenceCommand: RunnableCommand {
    static let configuration = CommandConfiguration(
        name: "sequence",
        abstract: "Chains the audit events waiting for the sequencer, then exits.",
        discussion: """
            nafidha serve does this continuously. Use it where no server runs on the database (events written by \
            nafidha sla sweep from cron, say). Only one sequencer works at a time: while another holds the lock, \
            this waits for it up to 10 seconds, then fails with exit 1. Needs --database-url, DATABASE_URL or the \
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
            let chained: Int
            do {
                chained = try AuditSequencer.chainWaiting(on: connection)
            } catch let error as NafidhaError {
                throw CommandFailure(error.message.en)
            }
            context.standardOutput.writeLine("Chained \(chained) audit event(s).")
            return 0
        }
    }
}
