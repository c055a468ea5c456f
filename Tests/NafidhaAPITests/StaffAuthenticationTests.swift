import NafidhaAPI
import NafidhaContract
import TestSupport
import Testing

/// The staff routes are authenticated once, by the staff groups' middleware, before anything else is read.
@Suite("Staff authentication of the contract's staff routes")
struct StaffAuthenticationTests {
    /// `template`'s path with every parameter set to `value`.
    private static func path(_ template: RouteTemplate, _ value: String = "1") -> String {
        template.parameterNames.reduce(template.path) { $0.replacingOccurrences(of: ":" + $1, with: value) }
    }

    @Test("every route under the staff prefixes answers 401 invalid_token without a token, whatever its body")
    func everyStaffRouteNeedsAToken() throws {
        try StaffTestWorld.with { world in
            // 54 wrong tokens from one client: past the failed-authentication throttle's default, which is not tested
            // here (HardeningRoutesTests is).
            var settings = APIRouter.Settings()
            settings.authFailures.maximumFailures = 1000
            let client = APIClient(pool: world.pool, settings: settings)
            let guarded = Routes.all.filter { template in
                Routes.staffPrefixes.contains { template.path == $0 || template.path.hasPrefix($0 + "/") }
                    && !Routes.publicAuditTemplates.contains(template)
            }
            #expect(guarded.count == 33)
            for template in guarded {
                for body: String? in [nil, "{", #"{"version":"x"}"#] {
                    let response = try client.send(
                        template.method.rawValue, Self.path(template, "abc"),
                        headers: [("Authorization", "Bearer nfs_unknown")], body: body)
                    #expect(response.status == 401 && response.errorCode == "invalid_token", "\(template)")
                }
            }
        }
    }

    @Test("the signed log's routes under /v1/audit are public: a bad token is not even read")
    func signedLogIsPublic() throws {
        try StaffTestWorld.with { world in
            let client = APIClient(pool: world.pool)
            #expect(Routes.publicAuditTemplates.count == 3)
            for template in Routes.publicAuditTemplates {
                let response = try client.send(
                    template.method.rawValue, template.path, headers: [("Authorization", "Bearer nfs_unknown")])
                // Without a signing key the key route is 503; the others refuse their missing parameters.
                #expect(response.status != 401 && response.errorCode != "invalid_token", "\(template)")
            }
        }
    }

    @Test("a refused token comes before the body and the parameters are read; unknown paths stay 404")
    func refusalComesFirst() throws {
        try StaffTestWorld.with { world in
            let client = APIClient(pool: world.pool)
            let malformed = try client.send(
                "POST", Self.path(Routes.reassign.template), headers: [("Authorization", "Bearer a b")], body: "{")
            #expect(malformed.status == 400 && malformed.errorCode == "invalid_authorization")
            #expect(try client.send("GET", "/v1/staff/nowhere").errorCode == "not_found")
            try world.staff("amina", .clerk, municipalities: ["TRP"], sectors: ["civil_registry"])
            let token = try world.directory.issueToken(forStaff: "amina").text
            let invalid = try client.send(
                "POST", Self.path(Routes.reassign.template), headers: [("Authorization", "Bearer " + token)], body: "{")
            #expect(invalid.status == 400 && invalid.errorCode == "invalid_json")
        }
    }
}
