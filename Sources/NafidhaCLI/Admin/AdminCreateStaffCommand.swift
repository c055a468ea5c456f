import ArgumentParsing
import NafidhaContract
import NafidhaCore

/// `nafidha admin create-staff`: creates a clerk, supervisor, auditor or admin with their scope.
struct AdminCreateStaffCommand: RunnableCommand {
    static let name = Option<String>("name", valueName: "name", help: "The login handle (a-z, 0-9, '.', '_', '-').")
    static let role = Option<String>("role", valueName: "role", help: "clerk, supervisor, auditor, admin or cashier.")
    static let municipality = Option<String>(
        "municipality", valueName: "code", repeatable: true,
        help: "A municipality in scope (repeatable); none makes an auditor or admin national."
    )
    static let sector = Option<String>(
        "sector", valueName: "code", repeatable: true, help: "A clerk's sector (repeatable).")

    static let configuration = CommandConfiguration(
        name: "create-staff",
        abstract: "Creates a staff member.",
        discussion: """
            A clerk needs at least one --municipality and one --sector and works those queues. A supervisor needs \
            at least one --municipality and sees every sector there. An auditor or admin reads everything in its \
            municipalities, or everywhere when none is given. A cashier needs at least one --municipality and takes payments there (docs/payments.md). Then issue a token with 'nafidha admin issue-token'.
            """,
        arguments: [name.definition, role.definition, municipality.definition, sector.definition]
            + AdminDatabase.arguments
    )

    let staffName: String
    let staffRole: StaffRole
    let municipalities: [String]
    let sectors: [String]
    let database: DatabaseOptions

    init(parsing arguments: ParsedArguments) throws(UsageError) {
        guard let name = try arguments.value(of: Self.name) else { throw UsageError.required(Self.name.definition) }
        guard let roleText = try arguments.value(of: Self.role) else { throw UsageError.required(Self.role.definition) }
        guard let role = StaffRole(rawValue: roleText) else {
            throw UsageError.invalidValue(
                for: Self.role.definition, value: roleText,
                reason: "expected clerk, supervisor, auditor, admin or cashier")
        }
        staffName = name
        staffRole = role
        municipalities = try arguments.values(of: Self.municipality)
        sectors = try arguments.values(of: Self.sector)
        database = try DatabaseOptions(parsing: arguments)
    }

    func run(context: CommandContext) throws -> Int32 {
        let member = try AdminDatabase.withPool(database, context: context) { pool in
            try StaffDirectory(pool: pool).create(
                name: staffName, role: staffRole, municipalities: municipalities, sectors: sectors)
        }
        let scope =
            member.municipalities.isEmpty
            ? "national" : "municipalities " + member.municipalities.joined(separator: ", ")
        let sectorList = member.sectors.isEmpty ? "" : "; sectors " + member.sectors.joined(separator: ", ")
        context.standardOutput.writeLine("Created \(member.role.rawValue) \(member.name) (\(scope)\(sectorList)).")
        return 0
    }
}
