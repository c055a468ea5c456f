import ArgumentParsing
import Foundation
import NafidhaContract
import NafidhaCore
import Postgres

/// `nafidha report NAME`: computes an auditor's report and writes it as CSV, JSON or HTML.
struct ReportCommand: RunnableCommand {
    static let name = Positional<String>("name", help: "sla, backlog, throughput or misroutes.")
    static let from = Option<String>(
        "from", valueName: "date", help: "Start of the range, inclusive. Default: 30 days before --to.")
    static let to = Option<String>("to", valueName: "date", help: "End of the range, exclusive. Default: now.")
    static let municipality = Option<String>(
        "municipality", valueName: "code", help: "Only this municipality (e.g. TRP).")
    static let sector = Option<String>("sector", valueName: "code", help: "Only this sector (e.g. urban_planning).")
    static let byService = Flag("by-service", help: "sla: one row per service too.")
    static let interval = Option<String>(
        "interval", valueName: "day|week", help: "throughput: the period. Default: day.")
    static let format = Option<String>("format", valueName: "csv|json|html", help: "The output format. Default: csv.")
    static let excel = Flag("excel", help: "csv: start with a UTF-8 byte order mark so spreadsheets read Arabic.")
    static let language = Option<String>(
        "language", valueName: "ar|fr|en", help: "Language of headers and labels. Default: en.")
    static let output = Option<String>(
        "output", shortName: "o", valueName: "file", help: "Write to this file. Default: standard output.")

    static let configuration = CommandConfiguration(
        name: "report",
        abstract: "Writes an auditor's report (sla, backlog, throughput, misroutes).",
        discussion: """
            The range is half-open: [--from, --to). Dates are midnight UTC; ISO 8601 instants with a zone also work. \
            Working days follow each municipality's calendar. docs/reports.md defines every figure.
            """,
        arguments: [
            name.definition, DatabaseOptions.databaseURL.definition, DatabaseOptions.dataDirectory.definition,
            from.definition, to.definition, municipality.definition, sector.definition, byService.definition,
            interval.definition, format.definition, excel.definition, language.definition, output.definition,
        ]
    )

    let database: DatabaseOptions
    let report: Reports.Name
    let query: ReportQuery
    let format: ReportFormat
    let excelBOM: Bool
    let outputLanguage: Language
    let outputPath: String?

    init(parsing arguments: ParsedArguments) throws(UsageError) {
        database = try DatabaseOptions(parsing: arguments)
        let nameText = try arguments.value(of: Self.name) ?? ""
        guard let report = Reports.Name(rawValue: nameText) else {
            throw UsageError.invalidValue(
                for: Self.name.definition, value: nameText, reason: "expected sla, backlog, throughput or misroutes")
        }
        self.report = report
        let now = Date()
        let to = try Self.instant(arguments, Self.to) ?? now
        let from = try Self.instant(arguments, Self.from) ?? to.addingTimeInterval(-30 * 86_400)
        guard from < to else {
            throw UsageError.invalidValue(
                for: Self.to.definition, value: try arguments.value(of: Self.to) ?? "",
                reason: "--to must come after --from")
        }
        let intervalText = try arguments.value(of: Self.interval) ?? "day"
        guard let interval = Reports.Query.Interval(rawValue: intervalText) else {
            throw UsageError.invalidValue(
                for: Self.interval.definition, value: intervalText, reason: "expected day or week")
        }
        let formatText = try arguments.value(of: Self.format) ?? "csv"
        guard let format = ReportFormat(rawValue: formatText) else {
            throw UsageError.invalidValue(
                for: Self.format.definition, value: formatText, reason: "expected csv, json or html")
        }
        let languageText = try arguments.value(of: Self.language) ?? "en"
        guard let language = Language(rawValue: languageText) else {
            throw UsageError.invalidValue(
                for: Self.language.definition, value: languageText, reason: "expected ar, fr or en")
        }
        excelBOM = arguments.isSet(Self.excel)
        if excelBOM && format != .csv {
            throw UsageError.conflict(Self.excel.definition, Self.format.definition)
        }
        self.format = format
        outputLanguage = language
        outputPath = try arguments.value(of: Self.output)
        query = ReportQuery(
            from: from, to: to, municipality: try arguments.value(of: Self.municipality),
            sector: try arguments.value(of: Self.sector), byService: arguments.isSet(Self.byService),
            interval: interval, now: now
        )
    }

    private static func instant(_ arguments: ParsedArguments, _ option: Option<String>) throws(UsageError) -> Date? {
        guard let text = try arguments.value(of: option) else { return nil }
        guard let date = InstantArgument.parse(text) else {
            throw UsageError.invalidValue(
                for: option.definition, value: text, reason: "expected 2026-03-01 or an ISO 8601 instant")
        }
        return date
    }

    func run(context: CommandContext) throws -> Int32 {
        let opened = try database.choose(context: context, embedded: EmbeddedPostgres.Configuration()).open(
            context: context)
        defer { try? opened.close() }
        let connection = try opened.connect()
        let computed: Report
        do {
            computed = try ReportService.make(report, query, on: connection)
        } catch let error as NafidhaError {
            throw CommandFailure(error.message.en)
        }
        let text =
            switch format {
            case .csv: computed.csv(language: outputLanguage, excelBOM: excelBOM)
            case .json: computed.json(language: outputLanguage) + "\n"
            case .html: computed.html(language: outputLanguage)
            }
        if let outputPath {
            let path = InstantArgument.absolutePath(outputPath, in: context.currentDirectory)
            do {
                try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
            } catch {
                throw CommandFailure("cannot write \(path): \(error.localizedDescription)")
            }
        } else {
            context.standardOutput.write(text)
        }
        return 0
    }
}
