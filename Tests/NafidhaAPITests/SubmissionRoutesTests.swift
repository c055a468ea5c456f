import Foundation
import NafidhaContract
import Postgres
import TestSupport
import Testing

@Suite("POST /v1/requests")
struct SubmissionRoutesTests {
    static let body = """
        {"service": "building_permit", "municipality": "TRP",
         "applicant": {"name": "أمل بن سالم", "national_id": "١١٩٨٥٠١٢٣٤٥٦", "phone": "+218 91 234 5678"},
         "fields": {"parcel_location": {"address": "Hay Al-Andalus, Tripoli"}, "parcel_number": "P-17/204",
                    "building_use": "residential", "works": ["new_building"], "floors": 2, "floor_area_m2": "180"},
         "description": "Two-storey house."}
        """

    static func counts(_ pool: PostgresPool) throws -> [Int] {
        try pool.withConnection { connection in
            let row = try connection.query(
                """
                SELECT (SELECT count(*) FROM requests)::int8 AS requests, (SELECT count(*) FROM tasks)::int8 AS tasks,
                       (SELECT count(*) FROM audit_events)::int8 AS events
                """
            )[0]
            return [try row.decode("requests"), try row.decode("tasks"), try row.decode("events")]
        }
    }

    @Test("a valid submission answers 201 with the tracking number, token, status, deadline and steps")
    func validSubmissionIsCreated() throws {
        try TestDatabase.withDemoCatalog { database in
            let pool = PostgresPool(conninfo: database.conninfo)
            defer { pool.close() }
            let response = try APIClient(pool: pool).send("POST", "/v1/requests", body: Self.body)
            #expect(response.status == 201, "\(response.text)")
            let object = try response.object()
            let tracking = try #require(object["tracking_number"] as? String)
            #expect(tracking.hasPrefix("TRP-"))
            #expect(response.headers.first(name: "Location") == "/v1/requests/\(tracking)")
            #expect((object["access_token"] as? String)?.count == 43)
            #expect(object["status"] as? String == "submitted")
            #expect((object["due_at"] as? String)?.hasSuffix("Z") == true)
            #expect(object["currency"] as? String == "LYD")
            let steps = try #require(object["steps"] as? [[String: Any]])
            #expect(steps.count == 4)
            #expect(
                steps.filter { $0["status"] as? String == "open" }.compactMap { $0["sector"] as? String }.sorted()
                    == ["civil_defence", "urban_planning"])
            #expect(steps.allSatisfy { $0.keys.contains("due_at") })
            #expect(try Self.counts(pool) == [1, 4, 3])
        }
    }

    @Test("invalid input answers 422 validation_failed naming every field, in the client's language")
    func invalidInputIsLocalized() throws {
        try TestDatabase.withDemoCatalog { database in
            let pool = PostgresPool(conninfo: database.conninfo)
            defer { pool.close() }
            let body =
                #"{"service":"building_permit","municipality":"TRP","applicant":{"name":""},"fields":{"floors":"many"}}"#
            let response = try APIClient(pool: pool).send(
                "POST", "/v1/requests", headers: [("Accept-Language", "ar-LY, fr;q=0.5")], body: body
            )
            #expect(response.status == 422)
            #expect(response.errorCode == "validation_failed")
            let error = try #require(try response.object()["error"] as? [String: Any])
            #expect(error["message"] as? String == "الطلب غير صالح.")
            let fields = try #require(error["fields"] as? [String: String])
            #expect(
                Set(fields.keys) == [
                    "applicant.name", "applicant.national_id", "applicant.phone", "fields.floors",
                    "fields.parcel_location",
                    "fields.parcel_number", "fields.building_use", "fields.works", "fields.floor_area_m2",
                ])
            #expect(fields["fields.floors"] == "يجب أن تكون القيمة عدداً.")
            let french = try APIClient(pool: pool).send(
                "POST", "/v1/requests", headers: [("Accept-Language", "fr")], body: body
            )
            #expect(
                ((try french.object()["error"] as? [String: Any])?["fields"] as? [String: String])?["applicant.phone"]
                    == "Ce champ est obligatoire.")
            #expect(try Self.counts(pool) == [0, 0, 0])
        }
    }

    @Test(
        "bad inputs each get a clear 4xx and store nothing",
        arguments: [
            (#"{"service": 5, "municipality": ["TRP"], "applicant": "me", "fields": []}"#, 422),
            ("{}", 422),
            ("[]", 422),
            ("null", 422),
            (#""building_permit""#, 422),
            (#"{"service":"moon_landing","municipality":"TRP","applicant":{"name":"A"},"fields":{}}"#, 422),
            (#"{"service":"building_permit","municipality":"ZZZ","applicant":{"name":"A"},"fields":{}}"#, 422),
            (#"{"service":"building_permit","municipality":"TRP'; DROP TABLE requests; --","fields":{}}"#, 422),
            (#"{"service": "building_permit", "#, 400),
            ("", 400),
        ])
    func badInputsAreRefused(body: String, status: Int) throws {
        try TestDatabase.withDemoCatalog { database in
            let pool = PostgresPool(conninfo: database.conninfo)
            defer { pool.close() }
            let response = try APIClient(pool: pool).send("POST", "/v1/requests", body: body)
            #expect(response.status == status, "\(response.text)")
            #expect(response.errorCode == (status == 400 ? "invalid_json" : "validation_failed"))
            #expect(try Self.counts(pool) == [0, 0, 0])
        }
    }

    @Test("a huge string answers 422 naming the field and stores nothing")
    func hugeStringIsRefused() throws {
        try TestDatabase.withDemoCatalog { database in
            let pool = PostgresPool(conninfo: database.conninfo)
            defer { pool.close() }
            let huge = String(repeating: "ب", count: 100_000)
            let body = Self.body.replacingOccurrences(of: "P-17/204", with: huge)
                .replacingOccurrences(of: "Two-storey house.", with: huge)
            let response = try APIClient(pool: pool).send("POST", "/v1/requests", body: body)
            #expect(response.status == 422)
            let fields = (try response.object()["error"] as? [String: Any])?["fields"] as? [String: String]
            #expect(Set(fields?.keys ?? [:].keys) == ["fields.parcel_number", "description"])
            #expect(try Self.counts(pool) == [0, 0, 0])
        }
    }

    @Test("invalid UTF-8 answers 400 invalid_json and stores nothing")
    func invalidUTF8IsRefused() throws {
        try TestDatabase.withDemoCatalog { database in
            let pool = PostgresPool(conninfo: database.conninfo)
            defer { pool.close() }
            var bytes = Array(Self.body.utf8)
            let index = try #require(bytes.firstIndex(of: UInt8(ascii: "P")))
            bytes[index] = 0xC3
            bytes[index + 1] = 0x28
            let response = try APIClient(pool: pool).send("POST", "/v1/requests", bodyBytes: bytes)
            #expect(response.status == 400)
            #expect(response.errorCode == "invalid_json")
            #expect(try Self.counts(pool) == [0, 0, 0])
        }
    }

    @Test("SQL inside a field is stored verbatim as data and harms nothing")
    func sqlInFieldsIsData() throws {
        try TestDatabase.withDemoCatalog { database in
            let pool = PostgresPool(conninfo: database.conninfo)
            defer { pool.close() }
            let injection = #"P-1'); DROP TABLE requests; --"#
            let body = Self.body.replacingOccurrences(of: "P-17/204", with: injection)
            let response = try APIClient(pool: pool).send("POST", "/v1/requests", body: body)
            #expect(response.status == 201)
            let stored = try pool.withConnection { connection in
                try connection.query("SELECT fields->>'parcel_number' AS parcel FROM requests")[0]
                    .decode("parcel", as: String.self)
            }
            #expect(stored == injection)
        }
    }

    @Test("a retry with the same Idempotency-Key and body gets the same status and body; another body gets 409")
    func idempotentRetries() throws {
        try TestDatabase.withDemoCatalog { database in
            let pool = PostgresPool(conninfo: database.conninfo)
            defer { pool.close() }
            let client = APIClient(pool: pool)
            let key = [("Idempotency-Key", "7f9c2ba4-e88f-4a2b-9f3c-0d1e2f3a4b5c")]
            let first = try client.send("POST", "/v1/requests", headers: key, body: Self.body)
            // The same JSON, spaced differently, is the same body.
            let respaced = Self.body.replacingOccurrences(of: "\n", with: " ")
            let second = try client.send("POST", "/v1/requests", headers: key, body: respaced)
            #expect(first.status == 201)
            #expect(second.status == 201)
            #expect(second.body == first.body)
            #expect(second.headers.first(name: "Idempotent-Replayed") == "true")
            let other = try client.send(
                "POST", "/v1/requests", headers: key,
                body: Self.body.replacingOccurrences(of: "P-17/204", with: "P-18/1")
            )
            #expect(other.status == 409)
            #expect(other.errorCode == "idempotency_conflict")
            #expect(try Self.counts(pool)[0] == 1)
        }
    }

    @Test("a malformed or repeated Idempotency-Key answers 400 invalid_idempotency_key")
    func malformedKeysAreRefused() throws {
        try TestDatabase.withDemoCatalog { database in
            let pool = PostgresPool(conninfo: database.conninfo)
            defer { pool.close() }
            let client = APIClient(pool: pool)
            let short = try client.send("POST", "/v1/requests", headers: [("Idempotency-Key", "abc")], body: Self.body)
            #expect(short.status == 400)
            #expect(short.errorCode == "invalid_idempotency_key")
            let repeated = try client.send(
                "POST", "/v1/requests",
                headers: [("Idempotency-Key", "aaaaaaaaaaaaaaaa1"), ("Idempotency-Key", "aaaaaaaaaaaaaaaa2")],
                body: Self.body
            )
            #expect(repeated.status == 400)
            #expect(repeated.errorCode == "invalid_idempotency_key")
            #expect(try Self.counts(pool) == [0, 0, 0])
        }
    }
}
