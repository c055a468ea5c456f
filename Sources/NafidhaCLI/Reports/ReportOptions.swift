import ArgumentParsing
import Foundation
import NafidhaContract

/// The options of `nafidha report` and `nafidha admin report`: which report, its range and filters, and how to write
/// it. Checked here, so a mistake is a usage error (exit 64) before anything is asked of a server or a database.
struct ReportOptions {
    static let name = Positional<String>(
        "name", help: "sla, backlog, throughput, misroutes, appeals, satisfaction, payments or reconciliation.")
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
        "output", shortName: "o", valueName: "file",
        help: "Write to this file, readable by you alone (0600). Default: standard output.")

    /// Every option, in help order, after the report's name.
    static let definitions = [
        name.definition, from.definition, to.definition, municipality.definition, sector.definition,
        byService.definition, interval.definition, format.definition, excel.definition, language.definition,
        output.definition,
    ]

    /// The range's rule, for both commands' help.
    static let rangeHelp = """
        The range is half-open: [--from, --to). Dates are midnight UTC; ISO 8601 instants with a zone also work. \
        Working days follow each municipality's calendar. docs/reports.md defines every figure.
        """

    let report: Reports.Name
    /// The range as given; the server (or `admin report`) fills in what is left out.
    let from: Date?
    let to: Date?
    let municipality: String?
    let sector: String?
    let byService: Bool
    let interval: Reports.Query.Interval?
    let format: Reports.Format
    let excelBOM: Bool
    let language: Language
    let outputPath: String?

    init(parsing arguments: ParsedArguments) throws(UsageError) {
        let nameText = try arguments.value(of: Self.name) ?? ""
        guard let report = Reports.Name(rawValue: nameText) else {
            throw UsageError.invalidValue(
                for: Self.name.definition, value: nameText,
                reason:
                    "expected sla, backlog, throughput, misroutes, appeals, satisfaction, payments or reconciliation")
        }
        self.report = report
        from = try Self.instant(arguments, Self.from)
        to = try Self.instant(arguments, Self.to)
        let end = to ?? Date()
        guard (from ?? end.addingTimeInterval(-30 * 86_400)) < end else {
            throw UsageError.invalidValue(
                for: to == nil ? Self.from.definition : Self.to.definition,
                value: try arguments.value(of: to == nil ? Self.from : Self.to) ?? "",
                reason: "--to must come after --from")
        }
        municipality = try arguments.value(of: Self.municipality)
        sector = try arguments.value(of: Self.sector)
        byService = arguments.isSet(Self.byService)
        interval = try Self.choice(arguments, Self.interval, expected: "day or week")
        format = try Self.choice(arguments, Self.format, expected: "csv, json or html") ?? .csv
        language = try Self.choice(arguments, Self.language, expected: "ar, fr or en") ?? .english
        excelBOM = arguments.isSet(Self.excel)
        if excelBOM && format != .csv {
            throw UsageError.conflict(Self.excel.definition, Self.format.definition)
        }
        outputPath = try arguments.value(of: Self.output)
    }

    /// The query the server reads.
    var query: Reports.Query {
        Reports.Query(
            from: from, to: to, municipality: municipality, sector: sector, byService: byService, interval: interval)
    }

    private static func instant(_ arguments: ParsedArguments, _ option: Option<String>) throws(UsageError) -> Date? {
        guard let text = try arguments.value(of: option) else { return nil }
        guard let date = InstantArgument.parse(text) else {
            throw UsageError.invalidValue(
                for: option.definition, value: text, reason: "expected 2026-03-01 or an ISO 8601 instant")
        }
        return date
    }

    private static func choice<Value: RawRepresentable<String>>(
        _ arguments: ParsedArguments, _ option: Option<String>, expected: String
    ) throws(UsageError) -> Value? {
        guard let text = try arguments.value(of: option) else { return nil }
        guard let value = Value(rawValue: text) else {
            throw UsageError.invalidValue(for: option.definition, value: text, reason: "expected \(expected)")
        }
        return value
    }
}
