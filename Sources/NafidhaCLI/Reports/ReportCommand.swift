import ArgumentParsing
import NafidhaContract

/// `nafidha report NAME`: an auditor's report from the server (`GET /v1/reports/{name}`), written as the server
/// rendered it, in CSV, JSON or HTML.
struct ReportCommand: RunnableCommand {
    static let configuration = CommandConfiguration(
        name: "report",
        abstract:
            "Writes a report (sla, backlog, throughput, misroutes, appeals, satisfaction, payments, reconciliation) from the server.",
        discussion: """
            Reads NAFIDHA_URL and NAFIDHA_TOKEN, or what 'nafidha login' stored: reports are for auditors, \
            supervisors and admins, within their municipalities. Writes the bytes the server rendered. \
            \(ReportOptions.rangeHelp) On the server itself, 'nafidha admin report' computes them from the \
            database.
            """,
        arguments: ReportOptions.definitions
    )

    let options: ReportOptions

    init(parsing arguments: ParsedArguments) throws(UsageError) {
        options = try ReportOptions(parsing: arguments)
    }

    func run(context: CommandContext) throws -> Int32 {
        var rendered: [UInt8] = []
        let code = ClerkCommandRunner.run(context: context) { client throws(ClientFailure) in
            var client = client
            client.language = options.language
            client.responseLimit = StaffClient.maximumReportBytes
            rendered = try client.bytes(
                Routes.renderedReport(
                    options.report, options.query, format: options.format, excel: options.excelBOM))
        }
        guard code == 0 else { return code }
        try ReportOutput.write(rendered, to: options.outputPath, context: context)
        return 0
    }
}
