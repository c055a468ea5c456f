import ArgumentParsing
import Foundation
import NafidhaCore

/// `nafidha admin catalog history`: the catalog versions, newest first.
struct AdminCatalogHistoryCommand: RunnableCommand {
    static let limit = Option<Int>("limit", valueName: "n", help: "Show at most this many versions. Default: 50.")

    static let configuration = CommandConfiguration(
        name: "history",
        abstract: "Lists the catalog versions, newest first: number, when, who and how, the file's SHA-256, changes.",
        arguments: [limit.definition] + AdminDatabase.arguments
    )

    let count: Int
    let database: DatabaseOptions

    init(parsing arguments: ParsedArguments) throws(UsageError) {
        let count = try arguments.value(of: Self.limit) ?? 50
        guard (1...10_000).contains(count) else {
            throw UsageError.invalidValue(
                for: Self.limit.definition, value: String(count), reason: "expected 1 to 10000")
        }
        self.count = count
        database = try DatabaseOptions(parsing: arguments)
    }

    func run(context: CommandContext) throws -> Int32 {
        let (versions, current) = try AdminDatabase.withPool(database, context: context, connections: 1) { pool in
            let files = CatalogFiles(pool: pool)
            return (try files.history(limit: count), try files.version())
        }
        guard !versions.isEmpty else {
            context.standardOutput.writeLine("No catalog file has been applied yet.")
            return 0
        }
        let formatter = ISO8601DateFormatter()
        context.standardOutput.writeLine("VERSION  APPLIED (UTC)         VIA   BY                SHA-256       CHANGES")
        for version in versions {
            let summary = version.summary
            let columns = [
                String(version.number).padding(toLength: 8, withPad: " ", startingAt: 0),
                formatter.string(from: version.appliedAt).padding(toLength: 21, withPad: " ", startingAt: 0),
                version.channel.rawValue.padding(toLength: 5, withPad: " ", startingAt: 0),
                version.appliedBy.padding(toLength: 17, withPad: " ", startingAt: 0),
                String(version.sha256.prefix(12)) + " ",
                "+\(summary.added) ~\(summary.changed) -\(summary.removed) disabled \(summary.disabled)",
            ]
            context.standardOutput.writeLine(columns.joined(separator: " "))
        }
        if current.editedSince {
            context.standardOutput.writeLine(
                "The catalog was changed since version \(current.number) by other means than a catalog file.")
        }
        return 0
    }
}
