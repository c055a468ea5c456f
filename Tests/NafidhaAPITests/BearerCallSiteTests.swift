import TestSupport
import Testing

/// The staff and citizen routes read the bearer token through HTTP's one parser (RFC 6750 §2.1, §3.1).
@Suite("Bearer tokens at the API's call sites")
struct BearerCallSiteTests {
    @Test("A staff route answers 400 duplicate_authorization to two Authorization fields")
    func staffRouteRefusesDuplicateAuthorization() throws {
        try StaffTestWorld.with { world in
            let response = try APIClient(pool: world.pool).send(
                "GET", "/v1/staff/me", headers: [("Authorization", "Bearer a"), ("Authorization", "Bearer b")])
            #expect(response.status == 400)
            #expect(response.errorCode == "duplicate_authorization")
        }
    }

    @Test("A staff route answers 400 invalid_authorization to Bearer with two tokens")
    func staffRouteRefusesMalformedBearer() throws {
        try StaffTestWorld.with { world in
            let response = try APIClient(pool: world.pool).send(
                "GET", "/v1/staff/me", headers: [("Authorization", "Bearer nfs_a nfs_b")])
            #expect(response.status == 400)
            #expect(response.errorCode == "invalid_authorization")
        }
    }

    @Test("A citizen route answers 400 duplicate_authorization to two Authorization fields")
    func trackingRouteRefusesDuplicateAuthorization() throws {
        try StaffTestWorld.with { world in
            let response = try APIClient(pool: world.pool).send(
                "POST", "/v1/requests/BEN-0000-0001/cancel",
                headers: [("Authorization", "Bearer a"), ("Authorization", "Bearer b")])
            #expect(response.status == 400)
            #expect(response.errorCode == "duplicate_authorization")
        }
    }
}
