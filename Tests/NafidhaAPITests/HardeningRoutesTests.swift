import Foundation
import HTTP
import NafidhaAPI
import NafidhaContract
import NafidhaCore
import Postgres
import TestSupport
import Testing

/// The answers of issue 12's probe, rows 5, 8, 9, 11 and 12, repeated against the real router: every hostile input
/// a 4xx with a stable code, every answer with its headers.
@Suite("Hardening: what an adversarial probe found")
struct HardeningRoutesTests {
    private func bearer(
        _ world: StaffTestWorld, _ name: String, _ role: StaffRole, municipalities: [String] = [],
        sectors: [String] = []
    ) throws -> [(String, String)] {
        try world.staff(name, role, municipalities: municipalities, sectors: sectors)
        return [("Authorization", "Bearer " + (try world.directory.issueToken(forStaff: name).text))]
    }

    /// A cursor as a client could forge one: base64url of `text`.
    private static func cursor(_ text: String) -> String {
        Data(text.utf8).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    @Test("a 1 MiB list, 80,000 members or deep nesting is 422 body_too_complex; invalid UTF-8 is 400 invalid_json")
    func jsonBodyLimits() throws {
        try StaffTestWorld.with { world in
            let client = APIClient(pool: world.pool)
            let list = "[" + Array(repeating: "0", count: 500_000).joined(separator: ",") + "]"
            let members = "{" + (0..<80_000).map { #""k\#($0)":0"# }.joined(separator: ",") + "}"
            let deep = String(repeating: "[", count: 40) + String(repeating: "]", count: 40)
            // What each costs is the benchmarks' to say (`scripts/bench json-abuse`, `scripts/probe 12`).
            for body in [list, members, deep] {
                let response = try client.send("POST", "/v1/requests", body: body)
                #expect(response.status == 422 && response.errorCode == "body_too_complex", "\(response.text)")
            }
            // Braces inside a string are text, not nesting: the decoder gets the body and refuses it for what it is.
            let braces = #"{"service": "\#(String(repeating: "{", count: 90))"}"#
            let decoded = try client.send("POST", "/v1/requests", body: braces)
            #expect(![nil, "body_too_complex", "invalid_json"].contains(decoded.errorCode), "\(decoded.text)")
            let invalid = try client.send(
                "POST", "/v1/requests", bodyBytes: Array(#"{"service": ""#.utf8) + [0xFF, 0x22, 0x7D])
            #expect(invalid.status == 400 && invalid.errorCode == "invalid_json")
        }
    }

    @Test("every answer is no-store, HTML reports carry a CSP, and a 401 says how to authenticate")
    func responseHeaders() throws {
        try StaffTestWorld.with { world in
            let client = APIClient(pool: world.pool)
            let auditor = try bearer(world, "odette", .auditor)
            for response in [
                try client.send("GET", "/v1/municipalities"), try client.send("GET", "/v1/staff/me"),
                try client.send("GET", "/v1/reports/sla", headers: auditor),
                try client.send("GET", "/v1/requests/TRP-0000-0000"),
            ] {
                #expect(response.headers.first(name: "Cache-Control") == "no-store", "\(response.status)")
            }
            let html = try client.send("GET", "/v1/reports/sla?format=html", headers: auditor)
            #expect(html.status == 200)
            let policy = try #require(html.headers.first(name: "Content-Security-Policy"))
            #expect(policy.contains("default-src 'none'") && !policy.contains("script-src"))
            #expect(
                try client.send("GET", "/v1/reports/sla", headers: auditor).headers.first(
                    name: "Content-Security-Policy") == nil)

            let none = try client.send("GET", "/v1/staff/me")
            #expect(none.status == 401 && none.headers.first(name: "WWW-Authenticate") == #"Bearer realm="nafidha""#)
            let wrong = try client.send("GET", "/v1/staff/me", headers: [("Authorization", "Bearer nfs_nope")])
            #expect(wrong.status == 401)
            #expect(wrong.headers.first(name: "WWW-Authenticate") == #"Bearer realm="nafidha", error="invalid_token""#)
        }
    }

    @Test("a client that keeps failing to authenticate gets 429 with Retry-After, on citizen and staff routes alike")
    func failedAuthenticationsAreThrottled() throws {
        try StaffTestWorld.with { world in
            var settings = APIRouter.Settings()
            settings.authFailures.maximumFailures = 3
            let client = APIClient(pool: world.pool, settings: settings)
            let created = try client.send("POST", "/v1/requests", body: TrackingRoutesTests.permit)
            try #require(created.status == 201, "\(created.text)")
            let tracking = try #require(try created.object()["tracking_number"] as? String)
            let token = try #require(try created.object()["access_token"] as? String)

            let guesser = client.from("198.51.100.7")
            for _ in 0..<3 {
                let guess = try guesser.send(
                    "GET", "/v1/requests/\(tracking)", headers: [("Authorization", "Bearer x\(token)")])
                #expect(guess.status == 404 && guess.errorCode == "request_not_found")
            }
            let refused = try guesser.send(
                "GET", "/v1/requests/\(tracking)", headers: [("Authorization", "Bearer \(token)")])
            #expect(refused.status == 429 && refused.errorCode == "too_many_attempts")
            let retryAfter = try #require(refused.headers.first(name: "Retry-After").flatMap { Int($0) })
            #expect((1...60).contains(retryAfter))
            // Requests without a token are no guesses; another client is not concerned.
            for _ in 0..<5 {
                #expect(try client.from("203.0.113.9").send("GET", "/v1/requests/\(tracking)").status == 404)
            }
            let owner = try client.from("203.0.113.9").send(
                "GET", "/v1/requests/\(tracking)", headers: [("Authorization", "Bearer \(token)")])
            #expect(owner.status == 200)

            let staffGuesser = client.from("2001:db8:1:2::5")
            for _ in 0..<3 {
                let guess = try staffGuesser.send("GET", "/v1/staff/me", headers: [("Authorization", "Bearer nfs_x")])
                #expect(guess.status == 401)
            }
            // The same /64 is the same client.
            let staffRefused = try client.from("2001:db8:1:2::9").send(
                "GET", "/v1/staff/me", headers: [("Authorization", "Bearer nfs_x")])
            #expect(staffRefused.status == 429 && staffRefused.headers.first(name: "Retry-After") != nil)
            #expect(staffRefused.headers.first(name: "Cache-Control") == "no-store")
            let member = try bearer(world, "odette", .auditor)
            #expect(try client.from("2001:db8:9::1").send("GET", "/v1/staff/me", headers: member).status == 200)
        }
    }

    @Test("dates outside 2000-01-01 … 2100-01-01 and forged cursors are 400 with a code, before any SQL")
    func datesAndCursors() throws {
        try StaffTestWorld.with { world in
            let client = APIClient(pool: world.pool)
            let auditor = try bearer(world, "odette", .auditor)
            for query in [
                "from=0001-01-01", "to=9999-12-31", "from=2026-02-30", "from=2026-01-01T00:00:00", "to=infinity",
                "from=%2B275760-09-13",
            ] {
                let response = try client.send("GET", "/v1/reports/sla?\(query)", headers: auditor)
                #expect(
                    response.status == 400 && response.errorCode == "invalid_parameter", "\(query): \(response.text)")
            }
            let export = try client.send("GET", "/v1/audit/export?from=0001-01-01", headers: auditor)
            #expect(export.status == 400 && export.errorCode == "invalid_parameter")

            for query in ["start_date=0001-01-01", "end_date=9999-12-31T00:00:00Z", "start_date=2026-13-01"] {
                let response = try client.send("GET", "/open311/v2/requests.json?\(query)")
                #expect(response.status == 400, "\(query): \(response.text)")
                let errors = try #require(try response.json() as? [[String: Any]])
                #expect(errors.first?["code"] as? Int == 400)
            }

            let clerk = try bearer(world, "amina", .clerk, municipalities: ["TRP"], sectors: ["civil_registry"])
            for forged in [
                "99999999999|infinity|0", "1|0001-01-01 00:00:00+00|1", "1|2026-02-30 00:00:00+00|1", "01|infinity|1",
                "1|infinity|-1", "1|infinity|1|2", "10|infinity|1",
            ] {
                let response = try client.send("GET", "/v1/staff/tasks?cursor=\(Self.cursor(forged))", headers: clerk)
                #expect(response.status == 400 && response.errorCode == "invalid_cursor", "\(forged): \(response.text)")
            }
            for forged in ["0001-01-01 00:00:00+00|1", "2026-01-01 00:00:00+00|99999999999999999999"] {
                let response = try client.send(
                    "GET", "/v1/staff/requests?name=abc&cursor=\(Self.cursor(forged))", headers: clerk)
                #expect(response.status == 400 && response.errorCode == "invalid_cursor", "\(forged): \(response.text)")
            }
        }
    }

    @Test("names of invisible or bidi characters and noncharacters are refused naming the field; overrides leave text")
    func textPolicy() throws {
        try StaffTestWorld.with { world in
            let client = APIClient(pool: world.pool)
            func submit(name: String, description: String = "ok") throws -> APIResponse {
                let body = TrackingRoutesTests.permit.replacingOccurrences(of: "Amal Ben Salem", with: name)
                    .replacingOccurrences(of: #""fields":"#, with: #""description": "\#(description)", "fields":"#)
                return try client.send(
                    "POST", "/v1/requests", headers: [("Accept-Language", "en")], body: body)
            }
            for (name, reason) in [
                ("\\u2066\\ufeff\\u061c", "bidirectional"), ("\\ufeff...", "letter"), ("\\ufeff\\u3164", "required"),
                ("Amal\\u202e Salem", "bidirectional"), ("Amal\\u2028Salem", "line"), ("Amal\\ufffe", "noncharacter"),
            ] {
                let response = try submit(name: name)
                #expect(response.status == 422 && response.errorCode == "validation_failed", "\(name)")
                let fields = try #require(
                    (try response.object()["error"] as? [String: Any])?["fields"] as? [String: Any])
                let message = try #require(fields["applicant.name"] as? String, "\(fields)")
                #expect(message.lowercased().contains(reason), "\(message)")
            }
            let refused = try submit(name: "Amal", description: "bad \\uffff")
            #expect(refused.status == 422)
            let kept = try submit(name: "Amal", description: "a\\u202eb\\u200fc")
            try #require(kept.status == 201, "\(kept.text)")
            let tracking = try #require(try kept.object()["tracking_number"] as? String)
            let stored: String = try world.pool.withConnection { connection in
                try connection.query("SELECT description FROM requests WHERE tracking_number = $1", [tracking])[0]
                    .decode("description")
            }
            #expect(stored == "ab\u{200F}c")
        }
    }

    @Test("Open311: lat=0x10, a list for a one-value attribute and a long address_id are refused by their own names")
    func open311Validation() throws {
        try TestDatabase.withDemoCatalog { database in
            let pool = PostgresPool(conninfo: database.conninfo)
            defer { pool.close() }
            let key = try APIKeyStore(pool: pool).create(name: "App")
            let client = APIClient(pool: pool)
            func post(_ change: (inout [(String, String)]) -> Void) throws -> [String] {
                var form = wasteReport(apiKey: key.secret)
                change(&form)
                let response = try client.send(
                    "POST", "/open311/v2/requests.json", headers: formHeaders, body: formBody(form))
                #expect(response.status == 400, "\(response.text)")
                return (try response.json() as? [[String: Any]])?.compactMap { $0["description"] as? String } ?? []
            }
            let hex = try post { form in form = form.map { $0.0 == "lat" ? ("lat", "0x10") : $0 } }
            #expect(hex.contains { $0.hasPrefix("lat:") }, "\(hex)")
            let listed = try post { form in
                form = form.filter { $0.0 != "attribute[days_missed]" } + [("attribute[days_missed][]", "1")]
            }
            #expect(listed.contains { $0.hasPrefix("attribute[days_missed]:") }, "\(listed)")
            let address = try post { form in
                form =
                    form.filter { !["lat", "long", "address_string"].contains($0.0) }
                    + [("address_id", String(repeating: "x", count: 501))]
            }
            #expect(address.contains { $0.hasPrefix("address_id:") } && !address.contains { $0.hasPrefix("lat:") })
            let nonCharacter = try post { form in
                form = form.map { $0.0 == "description" ? ("description", "bins \u{FFFE}") : $0 }
            }
            #expect(nonCharacter.contains { $0.hasPrefix("description:") }, "\(nonCharacter)")
        }
    }

    @Test("requests.xml stays well-formed XML 1.0 even over stored text XML forbids (rows older than the policy)")
    func open311XMLIsAlwaysWellFormed() throws {
        try TestDatabase.withDemoCatalog { database in
            let pool = PostgresPool(conninfo: database.conninfo)
            defer { pool.close() }
            let key = try APIKeyStore(pool: pool).create(name: "App")
            let id = try Open311Intake(pool: pool).submit(
                parameters: wasteReport(apiKey: key.secret).map { (name: $0.0, value: $0.1) }, idempotencyKey: nil,
                language: .english
            ).serviceRequestID
            let hostile = "a\u{FFFE}b\u{FFFF}c\u{1}d\u{1B}e\u{202E}f<&>\u{7F}g"
            try pool.withConnection { connection in
                _ = try connection.query(
                    "UPDATE requests SET description = $1 WHERE tracking_number = $2", [hostile, id])
            }
            let client = APIClient(pool: pool)
            for target in ["/open311/v2/requests.xml", "/open311/v2/requests/\(id).xml"] {
                let xml = try client.send("GET", target)
                #expect(xml.status == 200)
                let forbidden = xml.text.unicodeScalars.filter { scalar in
                    let value = scalar.value
                    return
                        !(value == 0x9 || value == 0xA || value == 0xD || (0x20...0xD7FF).contains(value)
                        || (0xE000...0xFFFD).contains(value) || (0x10000...0x10FFFF).contains(value))
                }
                #expect(forbidden.isEmpty, "\(forbidden.map(\.value))")
                let root = try #require(XMLElementNode.parse(xml.text), "\(xml.text)")
                let request = try #require(root.first("request"))
                #expect(request.first("description")?.text.hasPrefix("a\u{FFFD}b") == true)
            }
        }
    }
}
