import ArgumentParsing
import Foundation
import NafidhaContract
import NafidhaCore

/// `nafidha admin report NAME`: an auditor's report computed directly from the database, on the server, rendered
/// exactly as `GET /v1/reports/{name}` renders it.
struct AdminReportCommand: RunnableCommand {
    static let configuration = CommandConfiguration(
        name: "report",
        abstract: "Writes an auditor's report computed directly from the database (run on the server).",
        discussion: """
            For operators with the database's credentials; auditors use 'nafidha report', through the API. Covers \
            every municipality unless --municipality narrows it. \(ReportOptions.rangeHelp)
            """,
        arguments: ReportOptions.definitions + AdminDatabase.arguments
    )

    let options: ReportOptions
    let database: DatabaseOptions

    init(parsing arguments: ParsedArguments) throws(UsageError) {
        options = try ReportOptions(parsing: arguments)
        database = try DatabaseOptions(parsing: arguments)
    }

    func run(context: CommandContext) throws -> Int32 {
        let now = Date()
        let to = options.to ?? now
        let query = ReportQuery(
            from: options.from ?? to.addingTimeInterval(-30 * 86_400), to: to, municipality: options.municipality,
            sector: options.sector, byService: options.byService, interval: options.interval == .week ? .week : .day,
            now: now)
        let report = try AdminDatabase.withPool(database, context: context, connections: 1) {
            try ReportReader(pool: $0).report(options.report, query)
        }
        let text =
            switch options.format {
            case .json: report.json(language: options.language)
            case .csv: report.csv(language: options.language, excelBOM: options.excelBOM)
            case .html: report.html(language: options.language)
            }
        try ReportOutput.write(Array(text.utf8), to: options.outputPath, context: context)
        return 0
    }
}
