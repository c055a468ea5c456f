import ArgumentParsing
import NafidhaContract

/// `nafidha whoami`: who the server takes you for, and your scope (`GET /v1/staff/me`).
struct WhoamiCommand: RunnableCommand {
    static let json = Flag("json", help: "Print the server's JSON.")

    static let configuration = CommandConfiguration(
        name: "whoami",
        abstract: "Shows the staff member your token belongs to, their role and scope.",
        discussion: "Reads NAFIDHA_URL and NAFIDHA_TOKEN, or what 'nafidha login' stored.",
        arguments: [json.definition]
    )

    let json: Bool

    init(parsing arguments: ParsedArguments) throws(UsageError) {
        json = arguments.isSet(Self.json)
    }

    func run(context: CommandContext) throws -> Int32 {
        ClerkCommandRunner.run(context: context) { client throws(ClientFailure) in
            let me = try client.send(Routes.staffMe.target())
            guard !json else {
                context.standardOutput.writeLine(ClerkCommandRunner.jsonText(me))
                return
            }
            let municipalities =
                me.municipalities.isEmpty ? "every municipality" : me.municipalities.joined(separator: ", ")
            let sectors = me.role == .clerk ? "; sectors " + me.sectors.joined(separator: ", ") : ""
            context.standardOutput.writeLine(
                "\(me.name) (\(me.role.rawValue)) on \(client.credentials.url): \(municipalities)\(sectors)")
        }
    }
}
