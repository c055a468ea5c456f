import HTTP
import NafidhaContract
import NafidhaCore

/// The catalog as a file (docs/catalog.md): `GET /v1/catalog/version`, public, for caches and integrators to watch;
/// `GET /v1/admin/catalog`, the live catalog as a catalog file, and `POST /v1/admin/catalog?dry_run=true|false`,
/// which validates the file in the body, answers the change and applies it unless `dry_run` (admins only).
///
/// The body is bounded first by the server's `maxBodyBytes` (1 MiB by default, `NAFIDHA_HTTP_MAX_BODY_BYTES`;
/// 413 `body_too_large` before this runs), then by the catalog file's own limit (8 MiB, 413 `catalog_too_large`)
/// when the server allows larger bodies.
struct CatalogFileRoutes: Sendable {
    let authentication: StaffAuthentication
    let files: CatalogFiles

    func register(on router: inout Router) {
        let files = files
        router.get("/v1/catalog/version") { _, _ in
            try .json(encoding: try files.version())
        }
        router.get("/v1/admin/catalog") { request, _ in
            try CatalogFiles.authorize(try authentication.member(of: request))
            return .json(bytes: try files.export())
        }
        router.post("/v1/admin/catalog") { request, _ in
            let member = try authentication.member(of: request)
            try CatalogFiles.authorize(member)
            let dryRun = try Self.dryRun(request.query)
            do {
                return try .json(encoding: try files.apply(request.body, dryRun: dryRun, by: .staff(member)))
            } catch let error as CatalogFileError {
                throw HTTPError(error, language: request.language)
            }
        }
    }

    /// `dry_run=true|false`, false when absent; anything else → 400 `invalid_query`.
    private static func dryRun(_ parameters: QueryParameters) throws(NafidhaError) -> Bool {
        switch parameters["dry_run"] {
        case nil, "false": return false
        case "true": return true
        default:
            throw NafidhaError(
                .badRequest, code: ErrorCode.invalidQuery.rawValue,
                message: ErrorCode.Message.invalidQuery(parameter: "dry_run", expected: .boolean))
        }
    }
}

extension HTTPError {
    /// The answer for a catalog file that was not applied: 422 `catalog_invalid` with every problem (`problems`, in
    /// file order with line and column, and `fields`, path → reason, as validation errors have), 413
    /// `catalog_too_large`, or 409 `catalog_busy`.
    init(_ error: CatalogFileError, language: Language) {
        switch error {
        case .invalid(let problems, _):
            let listed = problems.map { problem in
                ErrorBody.Problem(
                    path: problem.path.description, line: problem.position?.line, column: problem.position?.column,
                    message: problem.message.text(in: language))
            }
            var fields: [String: String] = [:]
            for problem in listed {
                var reason = problem.message
                if let line = problem.line, let column = problem.column { reason = "\(line):\(column): " + reason }
                if let earlier = fields[problem.path] { reason = earlier + " " + reason }
                fields[problem.path] = reason
            }
            self.init(
                .unprocessableContent, code: ErrorCode.catalogInvalid.rawValue,
                message: ErrorCode.catalogInvalid.message.text(in: language),
                extraJSON: [
                    (name: "fields", json: JSONCoding.encodeText(fields)),
                    (name: "problems", json: JSONCoding.encodeText(listed)),
                ])
        case .tooLarge:
            self.init(
                .contentTooLarge, code: ErrorCode.catalogTooLarge.rawValue,
                message: ErrorCode.catalogTooLarge.message.text(in: language))
        case .busy:
            self.init(
                .conflict, code: ErrorCode.catalogBusy.rawValue,
                message: ErrorCode.catalogBusy.message.text(in: language))
        }
    }
}
