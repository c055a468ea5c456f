import ArgumentParsing
import NafidhaCore

/// `nafidha admin audit-verify`: the live chains verified on the database directly (operators).
struct AdminAuditVerifyCommand: RunnableCommand {
    static let municipality = Option<String>(
        "municipality", valueName: "code", help: "Only this municipality's chain. Default: every chain.")

    static let configuration = CommandConfiguration(
        name: "audit-verify",
        abstract: "Verifies the live audit chains on the database directly (operators).",
        discussion: """
            For operators with database credentials; auditors use nafidha audit verify, through the API. Needs \
            --database-url, DATABASE_URL or the --data-dir of an existing cluster (it never creates one). Each \
            chain is walked from the checkpoint its last intact verification left, or from genesis with --full, and \
            the checkpoint moves on as GET /v1/audit/verify moves it. Prints one line per chain (its head as \
            SEQ:HASH when intact); exits 1 when a chain is broken.
            """,
        arguments: [municipality.definition, AuditVerifyCommand.full.definition] + AdminDatabase.arguments
    )

    let database: DatabaseOptions
    let municipalityCode: String?
    let walksFromGenesis: Bool

    init(parsing arguments: ParsedArguments) throws(UsageError) {
        database = try DatabaseOptions(parsing: arguments)
        municipalityCode = try arguments.value(of: Self.municipality)
        walksFromGenesis = arguments.isSet(AuditVerifyCommand.full)
    }

    func run(context: CommandContext) throws -> Int32 {
        try AdminDatabase.withConnection(database, context: context) { connection in
            let verifications =
                try municipalityCode.map {
                    [try AuditLog.verify(municipality: $0, full: walksFromGenesis, on: connection)]
                }
                ?? AuditLog.verifyAll(full: walksFromGenesis, on: connection)
            for verification in verifications {
                context.standardOutput.writeLine(AuditVerifyCommand.line(verification.chain))
            }
            return verifications.allSatisfy(\.intact) ? 0 : 1
        }
    }
}
