import Foundation
import NafidhaCore
import Postgres
import TestSupport
import Testing

@Suite("Open311 public request views")
struct Open311RequestViewsTests {
    /// Files a waste report through Open311 at `instant`; returns its tracking number.
    private func file(_ pool: PostgresPool, key: String, at instant: Date, service: String = "missed_waste_collection")
        throws -> String
    {
        var report = wasteReport(apiKey: key)
        if service == "broken_street_light" {
            report = report.filter { !$0.0.hasPrefix("attribute[") } + [("attribute[problem]", "off")]
            report = report.map { $0.0 == "service_code" ? ($0.0, service) : $0 }
        }
        return try Open311Intake(pool: pool).submit(
            parameters: report.map { (name: $0.0, value: $0.1) }, idempotencyKey: nil, language: .english, at: instant
        ).serviceRequestID
    }

    @Test("a request's public view has every spec field with ISO 8601 dates and never the reporter's personal data")
    func publicViewHasNoPersonalData() throws {
        try TestDatabase.withDemoCatalog { database in
            let pool = PostgresPool(conninfo: database.conninfo)
            defer { pool.close() }
            let key = try APIKeyStore(pool: pool).create(name: "App")
            let id = try file(pool, key: key.secret, at: Date())
            let client = APIClient(pool: pool)
            let json = try client.send("GET", "/open311/v2/requests/\(id).json")
            #expect(json.status == 200)
            let view = try #require((try json.json() as? [[String: Any]])?.first)
            #expect(view["service_request_id"] as? String == id)
            #expect(view["status"] as? String == "open")
            #expect(view["status_notes"] as? String == "Report received.")
            #expect(view["service_code"] as? String == "missed_waste_collection")
            #expect(view["service_name"] as? String == "Missed waste collection")
            #expect(view["description"] as? String == "Bins overflowing since Monday")
            #expect((view["agency_responsible"] as? String)?.isEmpty == false)
            #expect(view["address"] as? String == "Sharia Omar Mukhtar 12")
            #expect(view["lat"] as? Double == 32.8872)
            #expect(view["long"] as? Double == 13.1913)
            #expect(view["media_url"] as? String == "https://example.org/photo.jpg")
            for name in ["requested_datetime", "updated_datetime", "expected_datetime"] {
                #expect(isISO8601WithZone(view[name] as? String ?? ""), "\(name)")
            }
            let xml = try client.send("GET", "/open311/v2/requests/\(id).xml")
            let root = try #require(XMLElementNode.parse(xml.text))
            #expect(root.name == "service_requests")
            #expect(root.first("request")?.first("service_request_id")?.text == id)
            #expect(try client.send("GET", "/open311/v2/request/\(id).json").text == json.text)
            for text in [json.text, xml.text, try client.send("GET", "/open311/v2/requests.json").text] {
                for secret in ["Salma", "Benali", "912345678", "salma@example.ly", "119901234567"] {
                    #expect(!text.contains(secret), "\(secret) leaked")
                }
            }
        }
    }

    @Test("requests of services that are not public reports never appear, not even by id")
    func privateRequestsNeverAppear() throws {
        try TestDatabase.withDemoCatalog { database in
            let pool = PostgresPool(conninfo: database.conninfo)
            defer { pool.close() }
            let submission = Submission(
                service: "birth_certificate_extract", municipality: "TRP",
                applicant: .init(name: "Omar Zawi", nationalID: "119901234567", phone: "+218912345678"),
                fields: [
                    "person_name": .string("Omar Zawi"), "birth_date": .string("1990-04-02"),
                    "birth_place": .string("Tripoli"), "mother_name": .string("Aisha"), "copies": .number(1),
                    "language": .string("ar"),
                ]
            )
            let receipt = try SubmissionService(pool: pool).submit(submission, channel: .api, idempotencyKey: nil)
                .receipt
            let client = APIClient(pool: pool)
            #expect(try client.send("GET", "/open311/v2/requests/\(receipt.trackingNumber).json").status == 404)
            let list = try client.send("GET", "/open311/v2/requests.json?service_request_id=\(receipt.trackingNumber)")
            #expect((try list.json() as? [Any])?.isEmpty == true)
            #expect(!(try client.send("GET", "/open311/v2/requests.xml").text.contains(receipt.trackingNumber)))
        }
    }

    @Test("service_request_id overrides the other filters, and status and service_code filter the list")
    func filtersAndIDOverride() throws {
        try TestDatabase.withDemoCatalog { database in
            let pool = PostgresPool(conninfo: database.conninfo)
            defer { pool.close() }
            let key = try APIKeyStore(pool: pool).create(name: "App")
            let waste = try file(pool, key: key.secret, at: Date())
            let light = try file(pool, key: key.secret, at: Date(), service: "broken_street_light")
            let client = APIClient(pool: pool)
            func ids(_ target: String) throws -> [String] {
                (try client.send("GET", target).json() as? [[String: Any]] ?? []).compactMap {
                    $0["service_request_id"] as? String
                }
            }
            #expect(Set(try ids("/open311/v2/requests.json")) == [waste, light])
            #expect(try ids("/open311/v2/requests.json?service_code=broken_street_light") == [light])
            #expect(try ids("/open311/v2/requests.json?status=closed").isEmpty)
            #expect(Set(try ids("/open311/v2/requests.json?status=open&service_code=")) == [waste, light])
            // The id list wins over a status that would exclude it.
            #expect(try ids("/open311/v2/requests.json?service_request_id=\(waste)&status=closed") == [waste])
            #expect(Set(try ids("/open311/v2/requests.json?service_request_id=\(waste),\(light)")) == [waste, light])
            #expect(try ids("/open311/v2/requests.json?page_size=1&page=2").count == 1)
            #expect(try ids("/open311/v2/requests.json?jurisdiction_id=BEN").isEmpty)
            #expect(try client.send("GET", "/open311/v2/requests.json?jurisdiction_id=ZZZ").status == 404)
            #expect(try client.send("GET", "/open311/v2/requests.json?status=pending").status == 400)
        }
    }

    @Test("the default window is the last 90 days, and start_date/end_date select older requests")
    func dateWindow() throws {
        try TestDatabase.withDemoCatalog { database in
            let pool = PostgresPool(conninfo: database.conninfo)
            defer { pool.close() }
            let key = try APIKeyStore(pool: pool).create(name: "App")
            let old = try file(pool, key: key.secret, at: Date().addingTimeInterval(-120 * 86_400))
            let recent = try file(pool, key: key.secret, at: Date())
            let client = APIClient(pool: pool)
            func ids(_ target: String) throws -> [String] {
                (try client.send("GET", target).json() as? [[String: Any]] ?? []).compactMap {
                    $0["service_request_id"] as? String
                }
            }
            #expect(try ids("/open311/v2/requests.json") == [recent])
            let start = Open311Dates.format(Date().addingTimeInterval(-130 * 86_400))
            let end = Open311Dates.format(Date().addingTimeInterval(-100 * 86_400))
            #expect(try ids("/open311/v2/requests.json?start_date=\(start)&end_date=\(end)") == [old])
            // Both were last updated (their audit events recorded) just now, whatever their filing date.
            let hourAgo = Open311Dates.format(Date().addingTimeInterval(-3_600))
            #expect(Set(try ids("/open311/v2/requests.json?updated_after=\(hourAgo)")) == [old, recent])
            #expect(try ids("/open311/v2/requests.json?updated_before=\(hourAgo)").isEmpty)
        }
    }

    @Test("a span over 90 days, or a date without a time zone, is refused with 400 in the spec's error list")
    func spanOver90DaysIsRefused() throws {
        try TestDatabase.withDemoCatalog { database in
            let pool = PostgresPool(conninfo: database.conninfo)
            defer { pool.close() }
            let client = APIClient(pool: pool)
            let long = try client.send(
                "GET", "/open311/v2/requests.xml?start_date=2026-01-01T00:00:00Z&end_date=2026-05-01T00:00:00Z"
            )
            #expect(long.status == 400)
            let root = try #require(XMLElementNode.parse(long.text))
            #expect(root.name == "errors")
            #expect(root.first("error")?.first("code")?.text == "400")
            #expect(try client.send("GET", "/open311/v2/requests.json?start_date=2026-01-01T00:00:00").status == 400)
        }
    }

    @Test("tokens answer with the request id, and an unknown token or request is 404")
    func tokens() throws {
        try TestDatabase.withDemoCatalog { database in
            let pool = PostgresPool(conninfo: database.conninfo)
            defer { pool.close() }
            let key = try APIKeyStore(pool: pool).create(name: "App")
            let id = try file(pool, key: key.secret, at: Date())
            let client = APIClient(pool: pool)
            let token = try #require(
                (try client.send("GET", "/open311/v2/tokens/\(id).json").json() as? [[String: Any]])?.first)
            #expect(token["service_request_id"] as? String == id)
            #expect(token["token"] as? String == id)
            #expect(try client.send("GET", "/open311/v2/tokens/TRP-0000-0000.xml").status == 404)
            #expect(try client.send("GET", "/open311/v2/requests/TRP-0000-0000.json").status == 404)
        }
    }
}
