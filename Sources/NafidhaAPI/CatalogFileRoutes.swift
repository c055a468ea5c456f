import HTTP
import NafidhaContract
import NafidhaCore

/// The catalog as a file (docs/catalog.md): `GET /v1/catalog/version`, public, for caches and integrators to watch;
/// in the staff groups, `GET /v1/admin/catalog`, the live catalog as a catalog file, and
/// `POST /v1/admin/catalog?dry_run=true|false`, which validates the file in the body, answers the change and applies
/// it unless `dry_run` (admins only).
///
/// The file is read from the body's bytes, not decoded as a Swift type: its problems are reported with their line
/// and column, all at once. The body is bounded first by the server's `maxBodyBytes` (1 MiB by default,
/// `NAFIDHA_HTTP_MAX_BODY_BYTES`; 413 `body_too_large` before this runs), then by the catalog file's own limit
/// (8 MiB, 413 `catalog_too_large`) when the server allows larger bodies.
struct CatalogFileRoutes: Sendable {
    let files: CatalogFiles

    func register(public api: ContractRouter, staff: ContractRouter) {
        let files = files
        api.register(Routes.catalogVersion) { _, _ in try files.version() }
        staff.register(Routes.catalogFile.template) { _, context in
            try CatalogFiles.authorize(try context.staff)
            return .json(bytes: try files.export())
        }
        staff.register(Routes.applyCatalog.template) { request, context in
            let member = try context.staff
            try CatalogFiles.authorize(member)
            let dryRun = try Self.dryRun(request.query)
            do {
                let result = try files.apply(request.body, dryRun: dryRun, by: .staff(member))
                return .json(bytes: try ContractJSON.encode(result))
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
                .invalidQuery, message: ErrorCode.Message.invalidQuery(parameter: "dry_run", expected: .boolean))
        }
    }
}

extension HTTPError {
    /// The answer for a catalog file that was not applied: 422 `catalog_invalid` with every problem (`problems`, in
    /// file order with line and column, and `fields`, path → reasons, as validation errors have), 413
    /// `catalog_too_large`, or 409 `catalog_busy`.
    init(_ error: CatalogFileError, language: Language) {
        guard case .invalid(let problems, _) = error else {
            self.init(error.nafidhaError, language: language)
            return
        }
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
        let code = ErrorCode.catalogInvalid
        self.init(
            HTTPResponseStatus(code: code.status), code: code.rawValue, message: code.message.text(in: language),
            extraJSON: [(name: "fields", json: Self.json(fields)), (name: "problems", json: Self.json(listed))])
    }

    /// `value` as JSON text; strings, numbers and arrays of them always encode.
    private static func json(_ value: some Encodable) -> String {
        (try? ContractJSON.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "null"
    }
}
