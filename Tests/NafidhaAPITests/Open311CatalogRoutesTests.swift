import Foundation
import NafidhaContract
import Postgres
import TestSupport
import Testing

@Suite("Open311 discovery and services")
struct Open311CatalogRoutesTests {
    @Test("discovery lists the endpoint with its specification, url, type and both formats, in JSON and XML")
    func discoveryInBothFormats() throws {
        try TestDatabase.withDemoCatalog { database in
            let pool = PostgresPool(conninfo: database.conninfo)
            defer { pool.close() }
            let client = APIClient(pool: pool)
            let json = try client.send("GET", "/open311/v2/discovery.json")
            #expect(json.status == 200)
            #expect(json.headers.first(name: "Content-Type")?.hasPrefix("application/json") == true)
            let object = try json.object()
            #expect(object["changeset"] is String && object["contact"] is String && object["key_service"] is String)
            let endpoint = try #require((object["endpoints"] as? [[String: Any]])?.first)
            #expect(endpoint["specification"] as? String == "http://wiki.open311.org/GeoReport_v2")
            #expect(endpoint["url"] as? String == "http://test/open311/v2")
            #expect(endpoint["type"] as? String == "production")
            #expect(endpoint["formats"] as? [String] == ["application/json", "text/xml"])

            let xml = try client.send("GET", "/open311/v2/discovery.xml")
            #expect(xml.headers.first(name: "Content-Type")?.hasPrefix("text/xml") == true)
            let root = try #require(XMLElementNode.parse(xml.text))
            #expect(root.name == "discovery")
            let formats = root.first("endpoints")?.first("endpoint")?.first("formats")?.all("format").map(\.text)
            #expect(formats == ["application/json", "text/xml"])
        }
    }

    @Test("services lists only public reports with the spec's fields and types, and group is the sector")
    func servicesListOnlyPublicReports() throws {
        try TestDatabase.withDemoCatalog { database in
            let pool = PostgresPool(conninfo: database.conninfo)
            defer { pool.close() }
            let response = try APIClient(pool: pool).send("GET", "/open311/v2/services.json?jurisdiction_id=TRP")
            #expect(response.status == 200)
            let services = try #require(try response.json() as? [[String: Any]])
            let codes = services.compactMap { $0["service_code"] as? String }
            #expect(codes == ["broken_street_light", "missed_waste_collection"])
            let waste = try #require(services.first { $0["service_code"] as? String == "missed_waste_collection" })
            #expect(waste["service_name"] as? String == "Missed waste collection")
            #expect(waste["description"] is String)
            #expect(waste["metadata"] as? Bool == true)
            #expect(waste["type"] as? String == "realtime")
            #expect((waste["keywords"] as? String)?.contains("waste") == true)
            #expect(waste["group"] as? String != nil && waste["group"] as? String != "")
        }
    }

    @Test("services in XML are services/service elements, names follow Accept-Language")
    func servicesInXMLFollowTheLanguage() throws {
        try TestDatabase.withDemoCatalog { database in
            let pool = PostgresPool(conninfo: database.conninfo)
            defer { pool.close() }
            let response = try APIClient(pool: pool).send(
                "GET", "/open311/v2/services.xml?jurisdiction_id=TRP", headers: [("Accept-Language", "fr")]
            )
            let root = try #require(XMLElementNode.parse(response.text))
            #expect(root.name == "services")
            let services = root.all("service")
            #expect(services.count == 2)
            let light = try #require(services.first { $0.first("service_code")?.text == "broken_street_light" })
            #expect(light.first("service_name")?.text == "Éclairage public en panne")
            #expect(light.first("metadata")?.text == "true")
            for name in ["description", "type", "keywords", "group"] { #expect(light.first(name) != nil) }
        }
    }

    @Test("an unknown jurisdiction_id answers 404 with the spec's error list, in both formats")
    func unknownJurisdictionIs404() throws {
        try TestDatabase.withDemoCatalog { database in
            let pool = PostgresPool(conninfo: database.conninfo)
            defer { pool.close() }
            let client = APIClient(pool: pool)
            let json = try client.send("GET", "/open311/v2/services.json?jurisdiction_id=XXX")
            #expect(json.status == 404)
            let errors = try #require(try json.json() as? [[String: Any]])
            #expect(errors.first?["code"] as? Int == 404)
            #expect(errors.first?["description"] as? String == "Unknown jurisdiction_id.")
            #expect(try client.send("GET", "/open311/v2/services.json?jurisdiction_id=").status == 200)
            #expect(
                try client.send("GET", "/open311/v2/services/missed_waste_collection.json?jurisdiction_id=XXX").status
                    == 404)
            let xml = try client.send("GET", "/open311/v2/services.xml?jurisdiction_id=XXX")
            #expect(xml.status == 404)
            let root = try #require(XMLElementNode.parse(xml.text))
            #expect(root.name == "errors")
            #expect(root.all("error").first?.first("code")?.text == "404")
        }
    }

    @Test("a service definition maps form fields to attributes with datatypes, order and values")
    func definitionMapsFormFields() throws {
        try TestDatabase.withDemoCatalog { database in
            let pool = PostgresPool(conninfo: database.conninfo)
            defer { pool.close() }
            let response = try APIClient(pool: pool).send("GET", "/open311/v2/services/missed_waste_collection.json")
            #expect(response.status == 200)
            let definition = try response.object()
            #expect(definition["service_code"] as? String == "missed_waste_collection")
            let attributes = try #require(definition["attributes"] as? [[String: Any]])
            // The location field is filled from lat/long/address_string, so it is not an attribute.
            #expect(attributes.compactMap { $0["code"] as? String } == ["waste_type", "days_missed"])
            let kind = attributes[0]
            #expect(kind["variable"] as? Bool == true)
            #expect(kind["datatype"] as? String == "singlevaluelist")
            #expect(kind["required"] as? Bool == true)
            #expect(kind["order"] as? Int == 2)
            #expect(kind["description"] as? String == "Kind of waste")
            #expect(kind["datatype_description"] is String)
            let values = try #require(kind["values"] as? [[String: String]])
            #expect(values.first == ["key": "household", "name": "Household waste"])
            #expect(attributes[1]["datatype"] as? String == "number")
            #expect(attributes[1]["required"] as? Bool == false)
        }
    }

    @Test("a service's documents follow its fields as information, saying how to hand them in")
    func definitionShowsDocuments() throws {
        try TestDatabase.withDemoCatalog { database in
            let pool = PostgresPool(conninfo: database.conninfo)
            defer { pool.close() }
            try pool.withConnection { connection in
                try connection.execute(
                    """
                    INSERT INTO service_documents (service_code, code, position, name_ar, name_fr, name_en, required,
                                                   media_types, max_bytes)
                    VALUES ('missed_waste_collection', 'photo', 1, 'صورة', 'Photo', 'Photo', false,
                            ARRAY['image/jpeg', 'image/png'], 5242880)
                    """)
            }
            let response = try APIClient(pool: pool).send("GET", "/open311/v2/services/missed_waste_collection.json")
            #expect(response.status == 200)
            let attributes = try #require(try response.object()["attributes"] as? [[String: Any]])
            #expect(attributes.compactMap { $0["code"] as? String } == ["waste_type", "days_missed", "document.photo"])
            let photo = attributes[2]
            #expect(photo["variable"] as? Bool == false)
            #expect(photo["required"] as? Bool == false)
            #expect(photo["description"] as? String == "Photo")
            #expect((photo["order"] as? Int ?? 0) > (attributes[1]["order"] as? Int ?? 0))
            #expect(
                photo["datatype_description"] as? String
                    == "JPEG, PNG, at most 5 MiB: upload with POST /v1/uploads, then name it in documents")
        }
    }

    @Test("a definition in XML is service_definition/attributes/attribute/values/value, labels in Arabic")
    func definitionInXML() throws {
        try TestDatabase.withDemoCatalog { database in
            let pool = PostgresPool(conninfo: database.conninfo)
            defer { pool.close() }
            let response = try APIClient(pool: pool).send(
                "GET", "/open311/v2/services/broken_street_light.xml", headers: [("Accept-Language", "ar")]
            )
            let root = try #require(XMLElementNode.parse(response.text))
            #expect(root.name == "service_definition")
            let attributes = root.first("attributes")?.all("attribute") ?? []
            let problem = try #require(attributes.first { $0.first("code")?.text == "problem" })
            #expect(problem.first("description")?.text == "نوع العطل")
            #expect(problem.first("values")?.all("value").first?.first("key")?.text == "off")
            #expect(problem.first("values")?.all("value").first?.first("name")?.text == "مطفأ")
        }
    }

    @Test("a service that is not a public report, or does not exist, answers 404")
    func nonPublicServiceIsNotFound() throws {
        try TestDatabase.withDemoCatalog { database throws in
            let pool = PostgresPool(conninfo: database.conninfo)
            defer { pool.close() }
            let client = APIClient(pool: pool)
            #expect(try client.send("GET", "/open311/v2/services/birth_certificate_extract.json").status == 404)
            #expect(try client.send("GET", "/open311/v2/services/no_such_service.xml").status == 404)
            #expect(try client.send("GET", "/open311/v2/services/missed_waste_collection.csv").status == 404)
        }
    }
}
