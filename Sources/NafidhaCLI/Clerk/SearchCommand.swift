import ArgumentParsing
import NafidhaContract

/// `nafidha search (--national-id ID | --phone NUMBER | --name TEXT)`: the requests of an applicant at the counter,
/// with their personal data (an audited access).
struct SearchCommand: RunnableCommand {
    static let nationalID = Option<String>(
        "national-id", valueName: "id", help: "The applicant's national id (Arabic-Indic digits and spaces welcome).")
    static let phone = Option<String>(
        "phone", valueName: "number", help: "The applicant's phone: +218 91 234 5678, 00218..., or 091 234 5678.")
    static let name = Option<String>(
        "name", valueName: "text",
        help: "At least 3 characters of the applicant's name; hamza, harakat and Latin case are ignored.")
    static let municipality = Option<String>("municipality", valueName: "code", help: "Only this municipality.")
    static let limit = Option<Int>("limit", valueName: "n", help: "Requests per page, 1-50. Default: 20.")
    static let cursor = Option<String>(
        "cursor", valueName: "cursor", help: "Start at this page: the cursor the previous page printed.")
    static let json = Flag("json", help: "Print the server's JSON.")

    static let configuration = CommandConfiguration(
        name: "search",
        abstract: "Finds the requests of an applicant by national id, phone or name.",
        discussion: """
            Give exactly one of --national-id, --phone, --name. Lists the requests whose applicant data you may \
            see (as 'nafidha show'), newest first; each one shown is recorded in the audit trail \
            (personal_data_viewed).
            """,
        arguments: [
            nationalID.definition, phone.definition, name.definition, municipality.definition, limit.definition,
            cursor.definition, json.definition,
        ]
    )

    let query: Staff.RequestSearchQuery
    let json: Bool

    init(parsing arguments: ParsedArguments) throws(UsageError) {
        let given: [(option: ArgumentDefinition, criterion: Staff.RequestSearchQuery.Criterion)] = [
            try arguments.value(of: Self.nationalID).map { (Self.nationalID.definition, .nationalID($0)) },
            try arguments.value(of: Self.phone).map { (Self.phone.definition, .phone($0)) },
            try arguments.value(of: Self.name).map { (Self.name.definition, .name($0)) },
        ].compactMap { $0 }
        guard given.count <= 1 else { throw UsageError.conflict(given[0].option, given[1].option) }
        guard let (option, criterion) = given.first else {
            throw UsageError.invalidValue(
                for: Self.name.definition, value: "", reason: "give one of --national-id, --phone or --name")
        }
        guard !criterion.text.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw UsageError.invalidValue(for: option, value: criterion.text, reason: "this value is empty")
        }
        let limit = try arguments.value(of: Self.limit)
        if let limit, !(1...50).contains(limit) {
            throw UsageError.invalidValue(for: Self.limit.definition, value: String(limit), reason: "expected 1 to 50")
        }
        query = Staff.RequestSearchQuery(
            criterion, municipality: try arguments.value(of: Self.municipality), limit: limit,
            cursor: try arguments.value(of: Self.cursor))
        json = arguments.isSet(Self.json)
    }

    func run(context: CommandContext) throws -> Int32 {
        ClerkCommandRunner.run(context: context) { client throws(ClientFailure) in
            let page = try client.send(Routes.searchRequests(query))
            guard !json else {
                context.standardOutput.writeLine(ClerkCommandRunner.jsonText(page))
                return
            }
            guard !page.requests.isEmpty else {
                context.standardOutput.writeLine("No request you may see matches.")
                return
            }
            let language = ClerkCommandRunner.language(context)
            var table = TerminalTable(headers: [
                "TRACKING", "SERVICE", "MUNICIPALITY", "STATUS", "SUBMITTED (UTC)", "APPLICANT", "NATIONAL ID", "PHONE",
            ])
            table.rows = page.requests.map { request in
                [
                    request.trackingNumber, request.serviceName.text(in: language), request.municipality,
                    request.status.rawValue, ClerkCommandRunner.minute(request.submittedAt), request.applicantName,
                    request.applicantNationalID ?? "-", request.applicantPhone ?? "-",
                ]
            }
            context.standardOutput.writeLine(table.render(style: TerminalStyle(context: context)))
            if let next = page.nextCursor {
                context.standardOutput.writeLine("(more requests: run again with --cursor \(next))")
            }
        }
    }
}
