import Foundation
import NafidhaContract
import NafidhaCore
import Postgres
import TestSupport
import Testing
import Transparency

/// `GET /v1/audit/verify`, `GET /v1/audit/export` and its manifest: who may ask what, and what comes back.
@Suite("Audit routes")
struct AuditRoutesTests {
    private func bearer(
        _ world: StaffTestWorld, _ name: String, _ role: StaffRole, municipalities: [String] = [],
        sectors: [String] = []
    ) throws -> [(String, String)] {
        try world.staff(name, role, municipalities: municipalities, sectors: sectors)
        return [("Authorization", "Bearer " + (try world.directory.issueToken(forStaff: name).text))]
    }

    /// Two chained events in TRP (one on a request with personal data) and one in BEN.
    private func trail(_ world: StaffTestWorld) throws {
        let request: Int64 = try world.query(
            """
            INSERT INTO requests (tracking_number, access_token_hash, service_code, municipality_code, applicant_name,
                                  applicant_national_id, fields, channel, workflow)
            VALUES ('TRP-7KQ4-M2XD', sha256('t'::bytea), 'residence_certificate', 'TRP', 'Amal Ben Ali',
                    '119900012345', '{}', 'api', '{}') RETURNING id
            """
        )[0].decode("id")
        try world.pool.withConnection { connection in
            for (municipality, requestID) in [("TRP", request), ("BEN", nil), ("TRP", nil)] {
                try AuditLog.append(
                    on: connection, municipality: municipality, actorKind: .clerk, actor: "amal.t", action: .approved,
                    requestID: requestID)
            }
        }
        try sequenceAudit(world.pool)
    }

    @Test("verify walks only the caller's chains, from their checkpoints, and says where it started")
    func verifyInScope() throws {
        try StaffTestWorld.with { world in
            try trail(world)
            let client = APIClient(pool: world.pool)
            let supervisor = try bearer(world, "samir", .supervisor, municipalities: ["TRP"])
            let first = try ContractCheck.decode(
                client.send(Routes.auditVerification(), headers: supervisor), as: Audit.Verification.self)
            #expect(first.intact && first.chains.map(\.municipality) == ["TRP"])
            #expect(first.chains[0].eventsChecked == 2 && first.chains[0].fromSeq == 0 && first.chains[0].headSeq == 2)
            let walked = try world.query("SELECT municipality_code FROM audit_checkpoints").map {
                try $0.decode("municipality_code", as: String.self)
            }
            #expect(walked == ["TRP"], "no other chain was walked")

            let again = try ContractCheck.decode(
                client.send(Routes.auditVerification(), headers: supervisor), as: Audit.Verification.self)
            #expect(again.chains[0].fromSeq == 2 && again.chains[0].eventsChecked == 0)
            let full = try ContractCheck.decode(
                client.send(Routes.auditVerification(full: true), headers: supervisor), as: Audit.Verification.self)
            #expect(full.chains[0].fromSeq == 0 && full.chains[0].eventsChecked == 2)
            #expect(full.chains[0].headHash == first.chains[0].headHash)

            let bad = try client.send("GET", "/v1/audit/verify?full=yes", headers: supervisor)
            try ContractCheck.error(bad, .invalidParameter)
            let clerk = try bearer(world, "amina", .clerk, municipalities: ["TRP"], sectors: ["civil_registry"])
            try ContractCheck.error(client.send(Routes.auditVerification(), headers: clerk), .reportsNotAllowed)
        }
    }

    @Test("an auditor's unmasked export streams whole, names them in the trail, and its manifest is theirs alone")
    func auditorExport() throws {
        try StaffTestWorld.with { world in
            try trail(world)
            let auditor = try bearer(world, "odette", .auditor)
            let other = try bearer(world, "otto", .auditor)
            try LiveServer.with(world) { server in
                let target = Routes.auditExport(Audit.ExportQuery(format: .csv, unmasked: true)).requestTarget
                let export = try server.get(target, headers: auditor)
                #expect(export.status == 200 && export.complete)
                #expect(export.header("Content-Type") == "text/csv; charset=utf-8")
                let id = try #require(export.header(Audit.exportIDHeader))
                #expect(export.header("Content-Disposition") == "attachment; filename=\"audit-\(id).csv\"")
                #expect(export.text.hasPrefix("id,municipality_code,seq,occurred_at,"))
                #expect(export.text.contains("Amal Ben Ali,119900012345"))

                let manifestTarget = Routes.auditExportManifest(export: id).requestTarget
                let answer = try server.get(manifestTarget, headers: auditor)
                #expect(answer.status == 200, "\(answer.text)")
                let manifest = try ContractJSON.decode(Audit.ExportManifest.self, from: answer.body)
                #expect(manifest.sha256 == Hex.encode(SHA256.hash(export.body)))
                #expect(!manifest.masked && manifest.format == .csv && manifest.eventCount == 5)
                #expect(manifest.chains.map(\.municipalityCode) == ["BEN", "TRP"])
                #expect(try server.get(manifestTarget, headers: other).status == 404)
                let unknown = try server.get(Routes.auditExportManifest(export: "00").requestTarget, headers: auditor)
                #expect(unknown.status == 404 && unknown.text.contains("export_not_found"))
            }
            let viewed = try world.query(
                "SELECT actor_kind, actor, details FROM audit_events WHERE action = 'personal_data_viewed' ORDER BY 1")
            #expect(viewed.count == 2, "one record per chain concerned")
            #expect(try viewed.map { try $0.decode("actor", as: String.self) } == ["odette", "odette"])
            #expect(try viewed[0].decode("details", as: String.self).contains(#""channel":"api""#))
        }
    }

    @Test("supervisors export masked only, in their scope; clerks, strangers and citizens not at all")
    func exportRefusals() throws {
        try StaffTestWorld.with { world in
            try trail(world)
            let client = APIClient(pool: world.pool)
            let supervisor = try bearer(world, "samir", .supervisor, municipalities: ["TRP"])
            let clerk = try bearer(world, "amina", .clerk, municipalities: ["TRP"], sectors: ["civil_registry"])
            let unmasked = Routes.auditExport(Audit.ExportQuery(unmasked: true))
            try ContractCheck.error(client.send(unmasked, headers: supervisor), .unmaskedNotAllowed)
            try ContractCheck.error(
                client.send(Routes.auditExport(Audit.ExportQuery(municipality: "BEN")), headers: supervisor),
                .outOfScope)
            try ContractCheck.error(
                client.send(Routes.auditExport(Audit.ExportQuery()), headers: clerk), .reportsNotAllowed)
            try ContractCheck.error(client.send(Routes.auditExport(Audit.ExportQuery())), .invalidToken)
            let citizen = [("Authorization", "Bearer " + AccessToken.generate().text)]
            try ContractCheck.error(
                client.send(Routes.auditExport(Audit.ExportQuery()), headers: citizen), .invalidToken)
            for bad in ["format=xml", "from=yesterday", "unmasked=1", "municipality=", "municipality=T%22R"] {
                try ContractCheck.error(
                    client.send("GET", "/v1/audit/export?" + bad, headers: supervisor), .invalidParameter)
            }
            try ContractCheck.error(
                client.send("GET", "/v1/audit/export?from=2026-02-01&to=2026-01-01", headers: supervisor), .invalidRange
            )
            let events: Int64 = try world.query("SELECT count(*) AS n FROM audit_events")[0].decode("n")
            #expect(events == 3, "no refusal recorded a viewing")

            try LiveServer.with(world) { server in
                let masked = try server.get(Routes.auditExport(Audit.ExportQuery()).requestTarget, headers: supervisor)
                #expect(masked.status == 200 && masked.complete)
                let lines = masked.text.split(separator: "\n")
                #expect(lines.count == 2, "narrowed to TRP, the supervisor's only municipality")
                #expect(masked.text.contains(#""applicant_name":"A. B. A.","applicant_national_id":"2345""#))
            }
        }
    }

    @Test("exports beyond the streaming slots are refused at once with Retry-After, until a slot frees up")
    func exportSlots() throws {
        var settings = NafidhaServices.Settings()
        settings.exports.maximumConcurrentExports = 1
        try StaffTestWorld.with(settings: settings) { world in
            let auditor = try bearer(world, "odette", .auditor)
            let member = try world.directory.authenticate(token: String(auditor[0].1.dropFirst("Bearer ".count)))
            try LiveServer.with(world) { server in
                let target = Routes.auditExport(Audit.ExportQuery()).requestTarget
                var held: PreparedAuditExport? = try world.services.auditExports.prepare(
                    Audit.ExportQuery(), for: member)
                let refused = try server.get(target, headers: auditor)
                #expect(refused.status == 503 && refused.text.contains("overloaded"))
                #expect(refused.header("Retry-After") == "2")
                #expect(held != nil)
                held = nil
                #expect(try server.get(target, headers: auditor).status == 200)
                #expect(
                    try server.get(target, headers: auditor).status == 200, "the streamed export gave its slot back")
            }
        }
    }
}
