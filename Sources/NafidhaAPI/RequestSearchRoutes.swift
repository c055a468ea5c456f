import HTTP
import NafidhaContract
import NafidhaCore

/// `GET /v1/staff/requests?national_id=|phone=|name=[&municipality=][&limit=][&cursor=]` (docs/clerks.md,
/// "Search"): the requests of an applicant the caller may see, with their personal data. The search service decides
/// the scope and audits each result; this only reads the query.
struct RequestSearchRoutes: Sendable {
    let search: RequestSearch

    func register(on staff: ContractRouter) {
        staff.register(Routes.searchRequests) { request, context in
            try search.search(try Self.query(from: request.query), for: try context.staff)
        }
    }

    /// Exactly one criterion (else 400 `search_criterion_required`), an optional municipality, limit and cursor.
    static func query(from parameters: QueryParameters) throws -> Staff.RequestSearchQuery {
        let given: [Staff.RequestSearchQuery.Criterion] = [
            parameters["national_id"].map { .nationalID($0) }, parameters["phone"].map { .phone($0) },
            parameters["name"].map { .name($0) },
        ].compactMap { $0 }
        guard given.count == 1, let criterion = given.first, !criterion.text.isEmpty else {
            throw NafidhaError(.searchCriterionRequired)
        }
        var limit: Int?
        if let text = parameters["limit"] {
            guard let parsed = Int(text), parsed >= 1 else {
                throw NafidhaError(
                    .invalidQuery,
                    message: ErrorCode.Message.invalidQuery(parameter: "limit", expected: .positiveInteger))
            }
            limit = parsed
        }
        return Staff.RequestSearchQuery(
            criterion, municipality: parameters["municipality"], limit: limit, cursor: parameters["cursor"])
    }
}
