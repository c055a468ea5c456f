import ArgumentParsing
import NafidhaCore

/// `nafidha admin revoke-token STAFF [--token ID]`: revokes a staff member's tokens.
struct AdminRevokeTokenCommand: RunnableCommand {
    static let staff = Positional<String>("staff", help: "The staff member's name.")
    static let token = Option<Int>("token", valueName: "id", help: "Only this token (its id, as issue-token printed).")

    static let configuration = CommandConfiguration(
        name: "revoke-token",
        abstract: "Revokes a staff member's API tokens (all of them, or one).",
        arguments: [staff.definition, token.definition] + AdminDatabase.arguments
    )

    let staffName: String
    let tokenID: Int?
    let database: DatabaseOptions

    init(parsing arguments: ParsedArguments) throws(UsageError) {
        guard let name = try arguments.value(of: Self.staff) else { throw UsageError.required(Self.staff.definition) }
        staffName = name
        tokenID = try arguments.value(of: Self.token)
        database = try DatabaseOptions(parsing: arguments)
    }

    func run(context: CommandContext) throws -> Int32 {
        let count = try AdminDatabase.withPool(database, context: context) { pool in
            try StaffDirectory(pool: pool).revokeTokens(forStaff: staffName, tokenID: tokenID.map(Int64.init))
        }
        context.standardOutput.writeLine("Revoked \(count) token\(count == 1 ? "" : "s") of \(staffName).")
        return 0
    }
}
