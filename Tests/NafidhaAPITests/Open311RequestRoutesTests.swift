import Foundation
import NafidhaCore
import Postgres
import TestSupport
import Testing

@Suite("Open311 requests")
struct Open311RequestRoutesTests {
    @Test("a POST files the request through intake: tracking number as id, open task in the queue, audit chain intact")
    func postFilesLikeAnyOtherRequest() throws {
        try TestDatabase.withDemoCatalog { database in
            let pool = PostgresPool(conninfo: database.conninfo)
            defer { pool.close() }
            let key = try APIKeyStore(pool: pool).create(name: "CivicApp")
            let response = try APIClient(pool: pool).send(
                "POST", "/open311/v2/requests.json", headers: formHeaders,
                body: formBody(wasteReport(apiKey: key.secret, extra: [("account_id", "acct-7")]))
            )
            #expect(response.status == 200)
            let answer = try #require((try response.json() as? [[String: Any]])?.first)
            let id = try #require(answer["service_request_id"] as? String)
            #expect(id.range(of: #"^TRP-[0-9A-Z]{4}-[0-9A-Z]{4}$"#, options: .regularExpression) != nil)
            #expect(answer["account_id"] as? String == "acct-7")
            #expect(answer["service_notice"] is String)

            let connection = try database.connect()
            let request = try connection.query(
                "SELECT id, channel, api_key_id, media_url, applicant_name FROM requests WHERE tracking_number = $1",
                [id]
            )[0]
            #expect(try request.decode("channel", as: String.self) == "open311")
            #expect(try request.decode("api_key_id", as: Int64?.self) == key.key.id)
            #expect(try request.decode("media_url", as: String?.self) == "https://example.org/photo.jpg")
            #expect(try request.decode("applicant_name", as: String.self) == "Salma Benali")
            let requestID: Int64 = try request.decode("id")
            let queue = try connection.query(
                "SELECT office_code FROM tasks WHERE request_id = $1 AND status = 'open' AND municipality_code = 'TRP'",
                [requestID]
            )
            #expect(queue.count == 1)
            let actions = try connection.query(
                "SELECT action FROM audit_events WHERE request_id = $1 ORDER BY id", [requestID]
            ).map { try $0.decode("action", as: String.self) }
            #expect(actions == ["submitted", "task_opened"])
            try sequenceAudit(on: connection)
            #expect(try AuditLog.verify(municipality: "TRP", on: connection).intact)
        }
    }

    @Test("a POST answers service_requests/request in XML")
    func postInXML() throws {
        try TestDatabase.withDemoCatalog { database in
            let pool = PostgresPool(conninfo: database.conninfo)
            defer { pool.close() }
            let key = try APIKeyStore(pool: pool).create(name: "XMLClient")
            let response = try APIClient(pool: pool).send(
                "POST", "/open311/v2/requests.xml", headers: formHeaders,
                body: formBody(wasteReport(apiKey: key.secret))
            )
            #expect(response.status == 200)
            let root = try #require(XMLElementNode.parse(response.text))
            #expect(root.name == "service_requests")
            let id = try #require(root.first("request")?.first("service_request_id")?.text)
            #expect(id.hasPrefix("TRP-"))
        }
    }

    @Test("a POST without an api_key, or with a revoked one, answers 403 and files nothing")
    func postNeedsAValidKey() throws {
        try TestDatabase.withDemoCatalog { database in
            let pool = PostgresPool(conninfo: database.conninfo)
            defer { pool.close() }
            let client = APIClient(pool: pool)
            let store = APIKeyStore(pool: pool)
            let key = try store.create(name: "Revoked")
            #expect(try store.revoke(name: "Revoked"))
            for apiKey in ["", key.secret, "not-a-key"] {
                let response = try client.send(
                    "POST", "/open311/v2/requests.json", headers: formHeaders,
                    body: formBody(wasteReport(apiKey: apiKey))
                )
                #expect(response.status == 403)
                #expect((try response.json() as? [[String: Any]])?.first?["code"] as? Int == 403)
            }
            let xml = try client.send("POST", "/open311/v2/requests.xml", headers: formHeaders, body: "service_code=x")
            #expect(xml.status == 403)
            #expect(XMLElementNode.parse(xml.text)?.first("error")?.first("code")?.text == "403")
            let count: Int64 = try database.connect().query("SELECT count(*) AS n FROM requests")[0].decode("n")
            #expect(count == 0)
        }
    }

    @Test("an unknown service answers 404 and a service that is not a public report is refused with 400")
    func postRefusesUnknownAndPrivateServices() throws {
        try TestDatabase.withDemoCatalog { database in
            let pool = PostgresPool(conninfo: database.conninfo)
            defer { pool.close() }
            let client = APIClient(pool: pool)
            let key = try APIKeyStore(pool: pool).create(name: "App")
            let unknown = try client.send(
                "POST", "/open311/v2/requests.json", headers: formHeaders,
                body: formBody(
                    wasteReport(apiKey: key.secret, extra: []).map { $0.0 == "service_code" ? ($0.0, "nope") : $0 })
            )
            #expect(unknown.status == 404)
            let birth = try client.send(
                "POST", "/open311/v2/requests.json", headers: formHeaders,
                body: formBody(
                    wasteReport(apiKey: key.secret).map {
                        $0.0 == "service_code" ? ($0.0, "birth_certificate_extract") : $0
                    })
            )
            #expect(birth.status == 400)
            let description = (try birth.json() as? [[String: Any]])?.first?["description"] as? String
            #expect(description?.contains("not a public report") == true)
        }
    }

    @Test("invalid values are refused with 400 naming the Open311 parameters, as the JSON API validates them")
    func postValidatesLikeTheJSONAPI() throws {
        try TestDatabase.withDemoCatalog { database in
            let pool = PostgresPool(conninfo: database.conninfo)
            defer { pool.close() }
            let key = try APIKeyStore(pool: pool).create(name: "App")
            let body =
                wasteReport(apiKey: key.secret).map { pair -> (String, String) in
                    switch pair.0 {
                    case "attribute[waste_type]": ("attribute[waste_type]", "plutonium")
                    case "lat": ("lat", "123")
                    case "phone": ("phone", "12")
                    default: pair
                    }
                } + [("attribute[colour]", "green")]
            let response = try APIClient(pool: pool).send(
                "POST", "/open311/v2/requests.json", headers: formHeaders, body: formBody(body)
            )
            #expect(response.status == 400)
            let descriptions =
                (try response.json() as? [[String: Any]])?.compactMap { $0["description"] as? String } ?? []
            for name in ["attribute[waste_type]:", "lat:", "phone:", "attribute[colour]:"] {
                #expect(descriptions.contains { $0.hasPrefix(name) }, "\(name) in \(descriptions)")
            }
            let tooLong = try APIClient(pool: pool).send(
                "POST", "/open311/v2/requests.json", headers: formHeaders,
                body: formBody(
                    wasteReport(apiKey: key.secret, extra: []).map {
                        $0.0 == "description" ? ($0.0, String(repeating: "ب", count: 4001)) : $0
                    })
            )
            #expect(tooLong.status == 400)
            let noLocation = try APIClient(pool: pool).send(
                "POST", "/open311/v2/requests.json", headers: formHeaders,
                body: formBody(
                    wasteReport(apiKey: key.secret).filter { !["lat", "long", "address_string"].contains($0.0) })
            )
            #expect(noLocation.status == 400)
        }
    }

    @Test("a retried POST with the same Idempotency-Key answers the same id and files one request")
    func idempotentRetries() throws {
        try TestDatabase.withDemoCatalog { database in
            let pool = PostgresPool(conninfo: database.conninfo)
            defer { pool.close() }
            let key = try APIKeyStore(pool: pool).create(name: "App")
            let client = APIClient(pool: pool)
            let headers = formHeaders + [("Idempotency-Key", "retry-\(UUID().uuidString)")]
            let body = formBody(wasteReport(apiKey: key.secret))
            let first = try client.send("POST", "/open311/v2/requests.json", headers: headers, body: body)
            let second = try client.send("POST", "/open311/v2/requests.json", headers: headers, body: body)
            let ids = try [first, second].map {
                (try $0.json() as? [[String: Any]])?.first?["service_request_id"] as? String
            }
            #expect(ids[0] != nil && ids[0] == ids[1])
            let count: Int64 = try database.connect().query("SELECT count(*) AS n FROM requests")[0].decode("n")
            #expect(count == 1)
        }
    }
}
