import Foundation
import NafidhaContract
import NafidhaCore
import TestSupport
import Testing

/// The catalog as a file over the API: `GET /v1/catalog/version`, `GET /v1/admin/catalog` and
/// `POST /v1/admin/catalog?dry_run=`.
@Suite("Catalog file routes")
struct CatalogFileRoutesTests {
    /// A new national service, appended after the last demo service (codes are in order, as the export writes them).
    static let tanker = """
            },
            {
              "code": "water_tanker",
              "sector": "water_sanitation",
              "names": {"ar": "صهريج مياه", "fr": "Citerne d'eau", "en": "Water tanker"},
              "descriptions": {"ar": "توصيل المياه بالصهريج.", "fr": "Livraison d'eau par citerne.", "en": "Water by tanker."},
              "sla_days": 4,
              "public_report": false,
              "keywords": ["water"],
              "fees": [{"country": "LY", "amount_minor": 12500, "currency": "LYD"}],
              "fields": [
                {"code": "location", "datatype": "location", "required": true, "labels": {"ar": "الموقع", "fr": "Lieu", "en": "Location"}}
              ],
              "documents": [],
              "workflow": [{"stage": 1, "steps": [{"step": 1, "sector": "water_sanitation", "sla_days": 4}]}]
            }
          ],
          "service_overlays": [
        """
    /// A capital overlay of it from 1 January 2030, after the last demo service overlay.
    static let capitalOverlay = """
            },
            {
              "service": "water_tanker",
              "municipality": "TRP",
              "valid_from": "2030-01-01",
              "sla_days": 2,
              "note": "Capital: tankers within two days"
            }
          ],
          "step_overlays": [
        """

    /// The demo file with the tanker and its capital overlay.
    static func editedFile() throws -> String {
        var text = EmbeddedSeeds.demoCatalog
        for (anchor, replacement) in [
            ("    }\n  ],\n  \"service_overlays\": [\n", tanker),
            ("    }\n  ],\n  \"step_overlays\": [\n", capitalOverlay),
        ] {
            let range = try #require(text.range(of: anchor))
            text.replaceSubrange(range, with: replacement)
        }
        return text
    }

    private static func admin(_ world: StaffTestWorld) throws -> [(String, String)] {
        try world.staff("adel", .admin)
        return [("Authorization", "Bearer " + (try world.directory.issueToken(forStaff: "adel").text))]
    }

    @Test("the issue's check: export, a service and a future capital overlay added, dry run, apply, served, exported")
    func issueCheck() throws {
        try StaffTestWorld.with { world in
            let client = APIClient(pool: world.pool)
            let admin = try Self.admin(world)
            let version = try ContractCheck.decode(
                try client.send(Routes.catalogVersion.target()), as: Catalog.Version.self)
            #expect(version.number == 1 && version.appliedVia == .seed && !version.editedSince)

            let exported = try client.send(Routes.catalogFile.target(), headers: admin)
            #expect(exported.status == 200 && exported.text == EmbeddedSeeds.demoCatalog)

            let file = try Self.editedFile()
            let dry = try ContractCheck.decode(
                try client.send(Routes.applyCatalog(dryRun: true).requestTarget, file, admin),
                as: Catalog.ApplyResult.self)
            #expect(
                dry.changes.map { "\($0.action.rawValue) \($0.kind.rawValue) \($0.key)" } == [
                    "added service water_tanker", "added service_overlay water_tanker TRP 2030-01-01",
                ])
            #expect(dry.dryRun && !dry.applied && dry.baseVersion == 1)
            #expect(try Self.version(client).revision == version.revision, "a dry run writes nothing")

            let applied = try ContractCheck.decode(
                try client.send(Routes.applyCatalog(dryRun: false).requestTarget, file, admin),
                as: Catalog.ApplyResult.self)
            #expect(applied.applied && applied.version?.number == 2 && applied.version?.appliedVia == .api)
            #expect(try Self.version(client).number == 2)

            // Served now at the national SLA; the capital overlay only from 2030.
            let detail = try ContractCheck.decode(
                try client.send(Routes.service("water_tanker", municipality: "TRP")), as: Catalog.ServiceDetail.self)
            #expect(detail.service.slaDays == 4 && detail.service.fee == Decimal(string: "12.5"))
            let listed = try ContractCheck.decode(
                try client.send(Routes.services.target(query: [QueryItem("municipality", "TRP")])),
                as: Catalog.ServiceList.self)
            #expect(listed.services.contains { $0.code == "water_tanker" })

            // The export is the applied file, member for member, and applying it again changes nothing.
            let again = try client.send(Routes.catalogFile.target(), headers: admin)
            #expect(
                try ContractJSON.decode(JSONValue.self, from: again.body)
                    == ContractJSON.decode(JSONValue.self, from: Array(file.utf8)))
            let noOp = try ContractCheck.decode(
                try client.send(Routes.applyCatalog(dryRun: false).requestTarget, again.text, admin),
                as: Catalog.ApplyResult.self)
            #expect(!noOp.applied && noOp.changes.isEmpty)
        }
    }

    @Test("a broken file answers 422 with every problem, its path, line and column, in the asked language")
    func brokenFile() throws {
        try StaffTestWorld.with { world in
            let client = APIClient(pool: world.pool)
            let admin = try Self.admin(world)
            let before = try Self.version(client)
            let broken = EmbeddedSeeds.demoCatalog
                .replacingOccurrences(
                    of: #"{"step": 1, "sector": "urban_planning", "sla_days": 15}"#,
                    with: #"{"step": 1, "sector": "town_planning", "sla_days": 15}"#
                )
                .replacingOccurrences(of: #""currency": "LYD"}"#, with: #""currency": "LYD", "vat": 0}"#)
            let response = try client.send(
                Routes.applyCatalog(dryRun: false).requestTarget, broken, admin + [("Accept-Language", "fr")])
            let body = try ContractCheck.error(response, .catalogInvalid)
            let problems = try #require(body.error.problems)
            #expect(problems.count > 2, "\(problems)")
            #expect(problems.contains { $0.path == "$.services[2].workflow[0].steps[0].sector" })
            #expect(problems.allSatisfy { $0.line != nil && $0.column != nil && $0.path.hasPrefix("$") })
            #expect(body.error.message.contains("rien n'a été appliqué"))
            #expect(body.error.fields?.keys.contains("$.services[2].workflow[0].steps[0].sector") == true)

            let notJSON = try ContractCheck.error(
                try client.send(Routes.applyCatalog(dryRun: true).requestTarget, "{\"format\": 1,\n  oops", admin),
                .catalogInvalid)
            #expect(notJSON.error.problems?.first?.line == 2 && notJSON.error.problems?.first?.column == 3)
            #expect(try Self.version(client) == before, "nothing was applied")
        }
    }

    @Test("only admins read or apply the file; dry_run is true or false")
    func access() throws {
        try StaffTestWorld.with { world in
            let client = APIClient(pool: world.pool)
            let admin = try Self.admin(world)
            try world.staff("samir", .supervisor, municipalities: ["TRP"])
            let supervisor = [("Authorization", "Bearer " + (try world.directory.issueToken(forStaff: "samir").text))]
            #expect(try client.send(Routes.catalogFile.target()).errorCode == "invalid_token")
            try ContractCheck.error(try client.send(Routes.catalogFile.target(), headers: supervisor), .adminOnly)
            try ContractCheck.error(
                try client.send(Routes.applyCatalog(dryRun: true).requestTarget, "{}", supervisor), .adminOnly)
            try ContractCheck.error(
                try client.send("POST", "/v1/admin/catalog?dry_run=yes", headers: admin, body: "{}"), .invalidQuery)
        }
    }

    /// The version in force, read over the public route.
    private static func version(_ client: APIClient) throws -> Catalog.Version {
        try ContractCheck.decode(try client.send(Routes.catalogVersion.target()), as: Catalog.Version.self)
    }
}

extension APIClient {
    /// POSTs `text` as the body to `target`.
    fileprivate func send(_ target: String, _ text: String, _ headers: [(String, String)]) throws -> APIResponse {
        try send("POST", target, headers: headers, body: text)
    }
}
