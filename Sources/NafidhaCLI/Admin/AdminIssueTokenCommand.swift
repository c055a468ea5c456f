import ArgumentParsing
import Foundation
import NafidhaCore

/// `nafidha admin issue-token STAFF`: issues an API token and prints it once.
struct AdminIssueTokenCommand: RunnableCommand {
    static let staff = Positional<String>("staff", help: "The staff member's name.")
    static let days = Option<Int>("days", valueName: "n", help: "Days until the token expires (1-366). Default: 90.")

    static let configuration = CommandConfiguration(
        name: "issue-token",
        abstract: "Issues an API token for a staff member and prints it once.",
        discussion: """
            The token is printed alone on standard output and never again: only its SHA-256 is stored. Hand it to \
            the staff member, who sets NAFIDHA_TOKEN or runs 'nafidha login'.
            """,
        arguments: [staff.definition, days.definition] + AdminDatabase.arguments
    )

    let staffName: String
    let days: Int?
    let database: DatabaseOptions

    init(parsing arguments: ParsedArguments) throws(UsageError) {
        guard let name = try arguments.value(of: Self.staff) else { throw UsageError.required(Self.staff.definition) }
        staffName = name
        days = try arguments.value(of: Self.days)
        if let days, !(1...366).contains(days) {
            throw UsageError.invalidValue(for: Self.days.definition, value: String(days), reason: "expected 1 to 366")
        }
        database = try DatabaseOptions(parsing: arguments)
    }

    func run(context: CommandContext) throws -> Int32 {
        let issued = try AdminDatabase.withPool(database, context: context) { pool in
            try StaffDirectory(pool: pool).issueToken(forStaff: staffName, lifetime: days.map { Double($0) * 86_400 })
        }
        context.standardOutput.writeLine(issued.text)
        let expiry = ISO8601DateFormatter().string(from: issued.expiresAt)
        context.standardError.writeLine(
            "Token \(issued.id) for \(staffName), expires \(expiry). It is shown only this once.")
        return 0
    }
}
