import Foundation
import NafidhaContract
import NafidhaCore
import Postgres
import TestSupport
import Testing

/// Moderation of public text: held descriptions, `POST /v1/staff/requests/{tracking}/moderation` (docs/open311.md).
@Suite("Moderation")
struct ModerationRoutesTests {
    private func bearer(
        _ world: StaffTestWorld, _ name: String, _ role: StaffRole, municipalities: [String] = ["TRP"]
    ) throws -> [(String, String)] {
        try world.staff(
            name, role, municipalities: municipalities,
            sectors: role == .clerk ? ["waste_cleanliness", "urban_planning"] : [])
        return [("Authorization", "Bearer " + (try world.directory.issueToken(forStaff: name).text))]
    }

    /// Files a waste report through Open311 with `description`; returns its tracking number.
    private func report(_ client: APIClient, key: String, description: String) throws -> String {
        let response = try client.send(
            "POST", "/open311/v2/requests.json", headers: formHeaders,
            body: formBody(
                wasteReport(apiKey: key).map { $0.0 == "description" ? ("description", description) : $0 }))
        try #require(response.status == 200, "\(response.text)")
        return try #require((try response.json() as? [[String: Any]])?.first?["service_request_id"] as? String)
    }

    /// The description the public Open311 view shows for `id`.
    private func publicDescription(_ client: APIClient, _ id: String) throws -> String? {
        let response = try client.send("GET", "/open311/v2/requests/\(id).json")
        return (try response.json() as? [[String: Any]])?.first?["description"] as? String
    }

    private func moderate(
        _ client: APIClient, _ id: String, _ headers: [(String, String)], _ body: String
    ) throws -> APIResponse {
        try client.send("POST", "/v1/staff/requests/\(id)/moderation", headers: headers, body: body)
    }

    @Test("a description with a phone number or a national id is held until a clerk releases, redacts or hides it")
    func heldDescription() throws {
        try StaffTestWorld.with { world in
            let client = APIClient(pool: world.pool)
            let key = try APIKeyStore(pool: world.pool).create(name: "CivicApp").secret
            let plain = try report(client, key: key, description: "Bins overflowing since Monday, 12 bags")
            let phone = try report(client, key: key, description: "Call me on 091 234 5678 when you come")
            let national = try report(client, key: key, description: "My id is ١١٩٩٠١٢٣٤٥٦٧ if needed")
            #expect(try publicDescription(client, plain) == "Bins overflowing since Monday, 12 bags")
            #expect(try publicDescription(client, phone) == "")
            #expect(try publicDescription(client, national) == "")
            let listed = try client.send("GET", "/open311/v2/requests.json")
            #expect(!listed.text.contains("234 5678") && listed.text.contains("12 bags"))

            let clerk = try bearer(world, "amina", .clerk)
            let redacted = try moderate(
                client, phone, clerk,
                #"{"target": "description", "action": "redact", "text": "Call me when you come", "reason": "Phone number"}"#
            )
            #expect(redacted.status == 200, "\(redacted.text)")
            #expect(try redacted.object()["state"] as? String == "redacted")
            #expect(try publicDescription(client, phone) == "Call me when you come")
            #expect(
                try moderate(
                    client, national, clerk, #"{"target": "description", "action": "release", "reason": "Checked"}"#
                )
                .status == 200)
            #expect(try publicDescription(client, national) == "My id is ١١٩٩٠١٢٣٤٥٦٧ if needed")
            #expect(
                try moderate(client, plain, clerk, #"{"target": "description", "action": "hide", "reason": "Abusive"}"#)
                    .status == 200)
            #expect(try publicDescription(client, plain) == "")

            let audited = try world.query(
                """
                SELECT e.details, m.reason FROM audit_events e
                  JOIN request_moderations m ON m.id = (e.details::jsonb ->> 'moderation_id')::bigint
                 WHERE e.action = 'moderated' ORDER BY e.id
                """)
            #expect(
                try audited.map { try $0.decode("reason", as: String.self) } == ["Phone number", "Checked", "Abusive"])
            #expect(try audited.allSatisfy { !(try $0.decode("details", as: String.self)).contains("Phone number") })
        }
    }

    @Test("a hidden public note leaves the citizen's timeline; a redacted one shows the new text")
    func publicNotes() throws {
        try StaffTestWorld.with { world in
            let client = APIClient(pool: world.pool)
            let filed = try CitizenRoutesTests.file(client)
            let clerk = StaffMember.testing("amal.t")
            let first = try world.engine.addNote(
                tracking: filed.tracking, text: "Call Omar on 0923456789.", isPublic: true, by: clerk)
            let second = try world.engine.addNote(
                tracking: filed.tracking, text: "Site visit on Monday.", isPublic: true, by: clerk)
            let staff = try bearer(world, "amal", .clerk, municipalities: ["BEN"])
            #expect(
                try moderate(
                    client, filed.tracking, staff,
                    #"{"target": "note", "note": \#(first.id), "action": "redact", "text": "Call the office.", "reason": "A phone"}"#
                ).status == 200)
            #expect(
                try moderate(
                    client, filed.tracking, staff,
                    #"{"target": "note", "note": \#(second.id), "action": "hide", "reason": "Wrong request"}"#
                ).status == 200)
            let view = try client.send(
                "GET", "/v1/requests/\(filed.tracking)", headers: CitizenRoutesTests.bearer(filed.token))
            let messages = (try view.object()["timeline"] as? [[String: Any]] ?? []).compactMap {
                $0["event"] as? String == "note_added" ? $0["message"] as? String : nil
            }
            #expect(messages == ["Call the office."])
        }
    }

    @Test("bad input: a note without its id, a redaction without text, an unknown note, a reader, another scope")
    func badInput() throws {
        try StaffTestWorld.with { world in
            let client = APIClient(pool: world.pool)
            let filed = try CitizenRoutesTests.file(client)
            let clerk = try bearer(world, "amal", .clerk, municipalities: ["BEN"])
            let noNote = try moderate(
                client, filed.tracking, clerk, #"{"target": "note", "action": "hide", "reason": "x"}"#)
            #expect(noNote.status == 422 && noNote.errorCode == "validation_failed")
            let noText = try moderate(
                client, filed.tracking, clerk, #"{"target": "description", "action": "redact", "reason": "x"}"#)
            #expect(noText.status == 422)
            let noReason = try moderate(
                client, filed.tracking, clerk, #"{"target": "description", "action": "hide", "reason": " "}"#)
            #expect(noReason.status == 422)
            let unknown = try moderate(
                client, filed.tracking, clerk, #"{"target": "note", "note": 999, "action": "hide", "reason": "x"}"#)
            #expect(unknown.status == 404 && unknown.errorCode == "note_not_found")
            let auditor = try bearer(world, "odette", .auditor, municipalities: ["BEN"])
            let reader = try moderate(
                client, filed.tracking, auditor, #"{"target": "description", "action": "hide", "reason": "x"}"#)
            #expect(reader.status == 403 && reader.errorCode == "read_only_role")
            let elsewhere = try bearer(world, "amina", .clerk)
            let outside = try moderate(
                client, filed.tracking, elsewhere, #"{"target": "description", "action": "hide", "reason": "x"}"#)
            #expect(outside.status == 404 && outside.errorCode == "request_not_found")
        }
    }
}
