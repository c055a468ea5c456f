import Foundation
import NafidhaContract
import NafidhaCore
import Postgres
import TestSupport
import Testing

/// `GET /v1/staff/requests` against the real router: the contract's query in, the contract's page out, and each
/// refusal with its documented code.
@Suite("Request search route")
struct RequestSearchRoutesTests {
    private func bearer(
        _ world: StaffTestWorld, _ name: String, _ role: StaffRole, municipalities: [String] = [],
        sectors: [String] = []
    ) throws -> [(String, String)] {
        try world.staff(name, role, municipalities: municipalities, sectors: sectors)
        return [("Authorization", "Bearer " + (try world.directory.issueToken(forStaff: name).text))]
    }

    @Test("answers a page of the contract's matches, with a cursor, for each criterion")
    func matches() throws {
        try StaffTestWorld.with { world in
            let client = APIClient(pool: world.pool)
            let clerk = try bearer(world, "amina", .clerk, municipalities: ["BEN"], sectors: ["civil_registry"])
            let first = try world.request(in: "BEN", tasks: [.init(sector: "civil_registry")])
            let second = try world.request(in: "BEN", tasks: [.init(sector: "civil_registry")])
            try world.request(in: "BEN", tasks: [.init(sector: "health")])
            let page = try ContractCheck.decode(
                client.send(Routes.searchRequests(.init(.nationalID("١١٩٩٠٠١٢٣٤٥٦"), limit: 1)), headers: clerk),
                as: Staff.RequestSearchPage.self)
            #expect(page.requests.map(\.trackingNumber) == [second.trackingNumber])
            #expect(page.requests.first?.applicantPhone == "+218911234567")
            let rest = try ContractCheck.decode(
                client.send(
                    Routes.searchRequests(.init(.phone("091 123 4567"), limit: 1, cursor: page.nextCursor)),
                    headers: clerk),
                as: Staff.RequestSearchPage.self)
            #expect(rest.requests.map(\.trackingNumber) == [first.trackingNumber] && rest.nextCursor == nil)
            let byName = try ContractCheck.decode(
                client.send(Routes.searchRequests(.init(.name("ساره"))), headers: clerk),
                as: Staff.RequestSearchPage.self)
            #expect(byName.requests.count == 2 && byName.requests[0].serviceName.en == "Residence certificate")
        }
    }

    @Test("refuses a missing or double criterion, a short name, a bad term, a foreign municipality and no token")
    func refusals() throws {
        try StaffTestWorld.with { world in
            let client = APIClient(pool: world.pool)
            let clerk = try bearer(world, "amina", .clerk, municipalities: ["BEN"], sectors: ["civil_registry"])
            let cases: [(String, ErrorCode)] = [
                ("/v1/staff/requests", .searchCriterionRequired),
                ("/v1/staff/requests?name=", .searchCriterionRequired),
                ("/v1/staff/requests?name=abc&phone=0911234567", .searchCriterionRequired),
                ("/v1/staff/requests?name=ab", .searchTermTooShort),
                ("/v1/staff/requests?national_id=x1", .invalidSearchTerm),
                ("/v1/staff/requests?phone=%2B33612345678", .invalidSearchTerm),
                ("/v1/staff/requests?name=abc&limit=0", .invalidQuery),
                ("/v1/staff/requests?name=abc&cursor=zzz", .invalidCursor),
                ("/v1/staff/requests?name=abc&municipality=TRP", .outOfScope),
            ]
            for (target, code) in cases {
                try ContractCheck.error(try client.send("GET", target, headers: clerk, bodyBytes: nil), code)
            }
            try ContractCheck.error(
                try client.send("GET", "/v1/staff/requests?name=abc", headers: [], bodyBytes: nil), .invalidToken)
        }
    }
}
