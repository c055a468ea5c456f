import ArgumentParsing
import NafidhaContract
import NafidhaCore

/// `nafidha admin create-webhook --url URL [--event TYPE]... [--municipality CODE]... [--sector CODE]...
/// [--include-personal-data]`: subscribes an integrator and prints its id and secret, once.
struct CreateWebhookCommand: RunnableCommand {
    static let url = Option<String>(
        "url", valueName: "url", help: "Where deliveries are POSTed (http:// or https://).")
    static let event = Option<String>(
        "event", valueName: "type", repeatable: true,
        help: "An event type to receive (repeatable), e.g. request.approved. Default: every type.")
    static let municipality = Option<String>(
        "municipality", valueName: "code", repeatable: true,
        help: "A municipality whose events to receive (repeatable). Default: every municipality.")
    static let sector = Option<String>(
        "sector", valueName: "code", repeatable: true,
        help: "A sector whose events to receive (repeatable). Default: every sector.")
    static let personalData = Flag(
        "include-personal-data",
        help: "Add the applicant and the texts to each delivery (recorded in the audit trail).")

    static let configuration = CommandConfiguration(
        name: "create-webhook",
        abstract: "Subscribes an integrator's URL to events, signed per the Standard Webhooks specification.",
        discussion: """
            Prints the subscription's id, then its secret (whsec_ and the base64 of 32 random bytes), shown only \
            this once: the receiver verifies each delivery's webhook-signature with it (docs/notifications.md). \
            Redirects are never followed; https is verified against the system's trust store and \
            NAFIDHA_NOTIFY_CA_FILE. Event types: \
            \(NotificationEventType.allCases.map(\.rawValue).joined(separator: ", ")).
            """,
        arguments: [
            url.definition, event.definition, municipality.definition, sector.definition, personalData.definition,
        ]
            + AdminDatabase.arguments
    )

    let target: String
    let events: [String]
    let municipalities: [String]
    let sectors: [String]
    let includePersonalData: Bool
    let database: DatabaseOptions

    init(parsing arguments: ParsedArguments) throws(UsageError) {
        guard let target = try arguments.value(of: Self.url), !target.isEmpty else {
            throw UsageError.required(Self.url.definition)
        }
        self.target = target
        events = try arguments.values(of: Self.event)
        municipalities = try arguments.values(of: Self.municipality)
        sectors = try arguments.values(of: Self.sector)
        includePersonalData = arguments.isSet(Self.personalData)
        database = try DatabaseOptions(parsing: arguments)
    }

    func run(context: CommandContext) throws -> Int32 {
        let created = try NotificationAdmin.withServices(database, context: context) { services in
            try services.webhooks.create(
                url: target, eventTypes: events, municipalities: municipalities, sectors: sectors,
                includePersonalData: includePersonalData)
        }
        context.standardOutput.writeLine("id: \(created.webhook.id)")
        context.standardOutput.writeLine("secret: \(created.secret.text)")
        context.standardError.writeLine(
            "Created webhook \(created.webhook.id); its secret is shown only this once, store it now."
                + (includePersonalData ? " Its deliveries carry personal data (recorded in the audit trail)." : ""))
        return 0
    }
}
