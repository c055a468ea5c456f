import Foundation
import HTTP
import NafidhaContract
import NafidhaCore

/// The auditors' trail (docs/audit.md), for staff bearer tokens of auditors, supervisors and admins:
///
/// - `GET /v1/audit/verify[?full=true]`: the chains in the caller's scope, each walked from its checkpoint (or from
///   genesis) by the bounded verifiers of `AuditVerificationQueue`;
/// - `GET /v1/audit/export?format=&from=&to=&municipality=&unmasked=`: the chained events streamed as JSON lines or
///   CSV straight from COPY, the export's id in `Nafidha-Export-Id`;
/// - `GET /v1/audit/export/manifest?export=ID`: that export's manifest, once its stream ended.
///
/// A call the verifiers or the export slots cannot take is answered 503 `overloaded` with `Retry-After`.
struct AuditRoutes: Sendable {
    let verifier: AuditVerifier
    let exports: AuditExportService

    /// What `Retry-After` asks of a refused call: a verification or an export slot frees up within seconds.
    static let retryAfterSeconds = 2

    func register(on staff: ContractRouter) {
        staff.register(Routes.auditVerify) { request, context in
            let member = try context.staff
            let full = try Self.flag("full", in: request.query)
            let chains = try Self.askingToRetry(request) { try verifier.verify(for: member, full: full) }
            return Audit.Verification(intact: chains.allSatisfy(\.intact), chains: chains.map(\.chain))
        }
        staff.register(Routes.auditExport.template) { request, context in
            let member = try context.staff
            let query = try Self.exportQuery(request.query)
            let export = try Self.askingToRetry(request) { try exports.prepare(query, for: member) }
            var headers = HTTPHeaders()
            headers.add(name: "Content-Type", value: query.format.contentType)
            headers.add(name: "Content-Disposition", value: "attachment; filename=\"\(export.fileName)\"")
            headers.add(name: Audit.exportIDHeader, value: export.id)
            headers.add(name: "Cache-Control", value: "no-store")
            // The head goes out first; a failure after it can only cut the body short, which the client detects
            // (no last chunk, and no manifest for this export).
            return HTTPResponse(
                status: .ok, headers: headers,
                body: .stream { writer in
                    try exports.stream(export) { bytes in try writer.write(bytes) }
                })
        }
        staff.register(Routes.auditExportManifest) { request, context in
            guard let id = request.query["export"], !id.isEmpty else { throw Self.invalid("export") }
            return try exports.manifest(export: id, for: try context.staff)
        }
    }

    /// Runs `body`, adding `Retry-After` to a 503 `overloaded` it throws.
    private static func askingToRetry<T>(_ request: HTTPRequest, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as NafidhaError where error.code == .overloaded {
            var refusal = HTTPError(error, language: request.language)
            refusal.headers.add(name: "Retry-After", value: String(retryAfterSeconds))
            throw refusal
        }
    }

    /// `format` (`jsonl`, default, or `csv`), `from` and `to` (dates or RFC 3339 instants within `DateParameter`'s
    /// range; absent: the whole trail), `municipality` (a code), `unmasked=true`.
    private static func exportQuery(_ parameters: QueryParameters) throws -> Audit.ExportQuery {
        let formatText = parameters["format"] ?? Audit.ExportFormat.jsonl.rawValue
        guard let format = Audit.ExportFormat(rawValue: formatText) else { throw invalid("format") }
        // A municipality code is three capital letters (the catalog's CHECK); nothing else reaches the file name.
        let municipality = parameters["municipality"]
        if let municipality, municipality.utf8.count != 3 || !municipality.utf8.allSatisfy({ (65...90).contains($0) }) {
            throw invalid("municipality")
        }
        return Audit.ExportQuery(
            format: format, from: try parameters.date("from"), to: try parameters.date("to"),
            municipality: municipality,
            unmasked: try flag("unmasked", in: parameters))
    }

    /// A boolean parameter: `true`, `false`, or absent (false).
    private static func flag(_ name: String, in parameters: QueryParameters) throws -> Bool {
        switch parameters[name] {
        case nil, "false": false
        case "true": true
        default: throw invalid(name)
        }
    }

    private static func invalid(_ name: String) -> NafidhaError {
        NafidhaError(.invalidParameter, message: ErrorCode.Message.invalidParameter(name: name))
    }
}
