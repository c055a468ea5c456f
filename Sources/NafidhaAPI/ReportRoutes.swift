import Foundation
import HTTP
import NafidhaContract
import NafidhaCore

/// `GET /v1/reports/{name}` (docs/reports.md), in the authenticated staff groups: auditors, supervisors and admins;
/// read-only. A report is JSON, CSV or HTML as `format` asks, so its route makes its own response from the template
/// the four typed report routes share.
struct ReportRoutes: Sendable {
    let reports: ReportReader

    func register(on staff: ContractRouter) {
        staff.register(Routes.slaReport.template) { request, context in
            guard let name = Reports.Name(rawValue: try context.parameter("name")) else {
                throw NafidhaError(.reportNotFound)
            }
            var query = try Self.query(from: request.query)
            try ReportAccess.authorize(try context.staff, &query)
            let formatText = request.query["format"] ?? "json"
            guard let format = ReportFormat(rawValue: formatText) else { throw Self.invalid("format") }
            let report = try reports.report(name, query)
            let text =
                switch format {
                case .json: report.json(language: request.language)
                case .csv: report.csv(language: request.language, excelBOM: request.query["excel"] == "true")
                case .html: report.html(language: request.language)
                }
            var headers = HTTPHeaders()
            headers.add(name: "Content-Type", value: format.contentType)
            return HTTPResponse(status: .ok, headers: headers, body: .bytes(Array(text.utf8)))
        }
    }

    /// `?from=&to=` (dates or RFC 3339 instants within `DateParameter`'s range; default the 30 days before now),
    /// `municipality`, `sector`, `by_service=true`, `interval=day|week`.
    private static func query(from parameters: QueryParameters) throws -> ReportQuery {
        let now = Date()
        let to = try parameters.date("to") ?? now
        let from = try parameters.date("from") ?? to.addingTimeInterval(-30 * 86_400)
        let intervalText = parameters["interval"] ?? "day"
        guard let interval = Reports.Query.Interval(rawValue: intervalText) else {
            throw invalid("interval")
        }
        return ReportQuery(
            from: from, to: to, municipality: parameters["municipality"], sector: parameters["sector"],
            byService: parameters["by_service"] == "true", interval: interval, now: now
        )
    }

    private static func invalid(_ name: String) -> NafidhaError {
        NafidhaError(.invalidParameter, message: ErrorCode.Message.invalidParameter(name: name))
    }
}
