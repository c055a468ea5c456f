import Foundation
import NafidhaContract
import Postgres
import TestSupport
import Testing

/// Runs `body` with a client over a fresh demo-catalog database.
private func withCatalogClient<T>(_ body: (APIClient) throws -> T) throws -> T {
    try TestDatabase.withDemoCatalog { database in
        let pool = PostgresPool(conninfo: database.conninfo)
        defer { pool.close() }
        return try body(APIClient(pool: pool))
    }
}

private func objects(_ value: Any?) -> [[String: Any]] { value as? [[String: Any]] ?? [] }

@Suite("Catalog API")
struct CatalogRoutesTests {
    @Test("lists municipalities with code, name, country and capital, named in each language asked for")
    func municipalitiesInThreeLanguages() throws {
        try withCatalogClient { client throws in
            let expected = ["ar": "طرابلس المركز", "fr": "Tripoli-Centre", "en": "Tripoli Centre"]
            for (language, name) in expected {
                let response = try client.send("GET", "/v1/municipalities", headers: [("Accept-Language", language)])
                #expect(response.status == 200)
                #expect(response.headers.first(name: "Content-Language") == language)
                let list = objects(try response.object()["municipalities"])
                #expect(list.count == 15)
                let tripoli = try #require(list.first { $0["code"] as? String == "TRP" })
                #expect(tripoli["name"] as? String == name)
                #expect(tripoli["country"] as? String == "LY")
                #expect(tripoli["capital"] as? Bool == true)
                #expect(tripoli["time_zone"] as? String == "Africa/Tripoli")
                #expect((tripoli["names"] as? [String: String])?["fr"] == "Tripoli-Centre")
                let benghazi = try #require(list.first { $0["code"] as? String == "BEN" })
                #expect(benghazi["capital"] as? Bool == false)
            }
        }
    }

    @Test("lists sectors in the negotiated language, English by default")
    func sectors() throws {
        try withCatalogClient { client throws in
            func name(_ headers: [(String, String)]) throws -> String? {
                let list = objects(try client.send("GET", "/v1/sectors", headers: headers).object()["sectors"])
                return list.first { $0["code"] as? String == "civil_defence" }?["name"] as? String
            }
            #expect(try name([]) == "Civil defence")
            #expect(try name([("Accept-Language", "fr-DJ, ar;q=0.5")]) == "Protection civile")
            #expect(try name([("Accept-Language", "de, ar-LY;q=0.8")]) == "الدفاع المدني")
        }
    }

    @Test("lists only the services offered in the municipality now, with the terms that apply there")
    func servicesOfferedInMunicipality() throws {
        try withCatalogClient { client throws in
            let obock = try client.send("GET", "/v1/services?municipality=OBK", headers: [("Accept-Language", "fr")])
            #expect(obock.status == 200)
            let obockCodes = objects(try obock.object()["services"]).compactMap { $0["code"] as? String }
            #expect(obockCodes.count == 8)
            #expect(!obockCodes.contains("water_connection"))
            let tripoli = objects(try client.send("GET", "/v1/services?municipality=TRP").object()["services"])
            #expect(tripoli.count == 9)
            let permit = try #require(tripoli.first { $0["code"] as? String == "building_permit" })
            #expect(permit["name"] as? String == "Building permit")
            #expect(permit["sector"] as? String == "urban_planning")
            #expect(permit["sla_days"] as? Int == 45)
            #expect(permit["currency"] as? String == "LYD")
            #expect(permit["public_report"] as? Bool == false)
            let fr = objects(try obock.object()["services"]).first { $0["code"] as? String == "broken_street_light" }
            #expect(fr?["name"] as? String == "Éclairage public en panne")
        }
    }

    @Test("a capital building permit's detail has the form, documents and the parallel capital workflow")
    func capitalBuildingPermitDetail() throws {
        try withCatalogClient { client throws in
            let response = try client.send(
                "GET", "/v1/services/building_permit?municipality=TRP", headers: [("Accept-Language", "ar")]
            )
            #expect(response.status == 200)
            let detail = try response.object()
            #expect(detail["code"] as? String == "building_permit")
            #expect(detail["name"] as? String == "رخصة بناء")
            #expect(detail["sla_days"] as? Int == 45)
            #expect((detail["fee"] as? NSNumber)?.intValue == 250)
            let fields = objects(detail["fields"])
            #expect(fields.count == 9)
            let use = try #require(fields.first { $0["code"] as? String == "building_use" })
            #expect(use["datatype"] as? String == "single_choice")
            #expect(use["required"] as? Bool == true)
            #expect(use["label"] as? String == "استعمال المبنى")
            #expect(objects(use["choices"]).first?["code"] as? String == "residential")
            #expect(objects(use["choices"]).first?["label"] as? String == "سكني")
            let floors = try #require(fields.first { $0["code"] as? String == "floors" })
            #expect(floors["min"] as? Int == 1 && floors["max"] as? Int == 30 && floors["choices"] == nil)
            #expect(objects(detail["documents"]).count == 4)
            let workflow = try #require(detail["workflow"] as? [String: Any])
            let stages = objects(workflow["stages"])
            #expect(stages.count == 3)
            let first = objects(stages.first?["steps"])
            #expect(first.map { $0["sector"] as? String } == ["urban_planning", "civil_defence"])
            #expect(first.map { $0["office"] as? String } == ["LBY-CAPITAL_PLANNING", "TRP-CIVIL_DEFENCE"])
            #expect(first.first?["office_name"] as? String == "جهاز التخطيط العمراني للعاصمة طرابلس")
        }
    }

    @Test("a missing municipality parameter is 400 municipality_required, an unknown one 404 unknown_municipality")
    func municipalityErrors() throws {
        try withCatalogClient { client throws in
            let missing = try client.send("GET", "/v1/services", headers: [("Accept-Language", "fr")])
            #expect(missing.status == 400)
            #expect(missing.errorCode == "municipality_required")
            let message = (try missing.object()["error"] as? [String: Any])?["message"] as? String
            #expect(message?.hasPrefix("Indiquez la commune") == true)
            #expect(try client.send("GET", "/v1/services?municipality=").errorCode == "municipality_required")
            for target in [
                "/v1/services?municipality=XYZ", "/v1/services?municipality=TR%27P",
                "/v1/services/building_permit?municipality=" + String(repeating: "A", count: 500),
            ] {
                let unknown = try client.send("GET", target)
                #expect(unknown.status == 404)
                #expect(unknown.errorCode == "unknown_municipality")
            }
            #expect(try client.send("GET", "/v1/services/building_permit").errorCode == "municipality_required")
            #expect(try client.send("GET", "/v1/services?municipality=trp").status == 200)
        }
    }

    @Test("an unknown service is 404 unknown_service and a service disabled there 404 service_not_offered")
    func serviceErrors() throws {
        try withCatalogClient { client throws in
            let unknown = try client.send("GET", "/v1/services/passport?municipality=TRP")
            #expect(unknown.status == 404)
            #expect(unknown.errorCode == "unknown_service")
            let injected = try client.send("GET", "/v1/services/x'%20OR%20'1'='1?municipality=TRP")
            #expect(injected.errorCode == "unknown_service")
            let disabled = try client.send(
                "GET", "/v1/services/water_connection?municipality=OBK", headers: [("Accept-Language", "ar")]
            )
            #expect(disabled.status == 404)
            #expect(disabled.errorCode == "service_not_offered")
            let message = (try disabled.object()["error"] as? [String: Any])?["message"] as? String
            #expect(message?.contains("غير متاحة") == true)
            #expect(try client.send("GET", "/v1/services/water_connection?municipality=ASB").status == 200)
        }
    }
}

@Suite("Catalog API without a database")
struct CatalogRoutesUnavailableTests {
    @Test("answers 503 database_unavailable, localized, when the database cannot be reached")
    func databaseUnavailable() throws {
        var configuration = PostgresPool.Configuration()
        configuration.acquireTimeout = .milliseconds(500)
        let pool = PostgresPool(
            conninfo: "host=/nonexistent-nafidha-socket-dir dbname=x connect_timeout=1", configuration: configuration
        )
        defer { pool.close() }
        let response = try APIClient(pool: pool).send("GET", "/v1/sectors", headers: [("Accept-Language", "fr")])
        #expect(response.status == 503)
        #expect(response.errorCode == "database_unavailable")
        let message = (try response.object()["error"] as? [String: Any])?["message"] as? String
        #expect(message?.hasPrefix("La base de données") == true)
    }
}
