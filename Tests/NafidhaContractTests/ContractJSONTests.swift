import Foundation
import NafidhaContract
import Testing

@Suite("ContractJSON: the one JSON configuration")
struct ContractJSONTests {
    struct Sample: Codable, Equatable {
        var at: Date
        var link: String
        var zebra: Int
        var apple: Bool
    }

    func instant(_ text: String) -> Date? {
        try? ContractJSON.decode(Date.self, from: Array("\"\(text)\"".utf8))
    }

    @Test("the wire encoder sorts keys, leaves slashes alone and writes instants in whole seconds with a Z")
    func encoder() throws {
        let sample = Sample(at: Date(timeIntervalSince1970: 1_800_000_000.75), link: "/v1/x", zebra: 1, apple: true)
        let text = String(decoding: try ContractJSON.encode(sample), as: UTF8.self)
        #expect(text == #"{"apple":true,"at":"2027-01-15T08:00:00Z","link":"/v1/x","zebra":1}"#)
        let pretty = String(decoding: try ContractJSON.prettyEncoder().encode(sample), as: UTF8.self)
        #expect(
            pretty.contains("\n")
                && pretty.firstRange(of: "apple")!.lowerBound < pretty.firstRange(of: "zebra")!.lowerBound)
    }

    @Test("instants are read with a Z or an offset, with or without a fraction (RFC 3339 §5.6)")
    func instantsAreRead() {
        let base = Date(timeIntervalSince1970: 1_800_000_000)
        #expect(instant("2027-01-15T08:00:00Z") == base)
        #expect(instant("2027-01-15t08:00:00z") == base)
        #expect(instant("2027-01-15T10:00:00+02:00") == base)
        #expect(instant("2027-01-15T05:30:00-02:30") == base)
        let fraction = try? #require(instant("2027-01-15T08:00:00.123456Z"))
        #expect(abs((fraction?.timeIntervalSince(base) ?? 0) - 0.123456) < 1e-6)
        #expect(instant("2024-02-29T00:00:00Z") == Date(timeIntervalSince1970: 1_709_164_800))
        #expect(instant("1969-12-31T23:59:59Z") == Date(timeIntervalSince1970: -1))
    }

    @Test("what is not an instant with a zone is refused")
    func nonInstantsAreRefused() {
        for text in [
            "2027-01-15", "2027-01-15T08:00:00", "2027-02-29T00:00:00Z", "2027-13-01T00:00:00Z",
            "2027-01-15T24:00:00Z", "2027-01-15T08:00:00.Z", "2027-01-15T08:00:00Zjunk", "2027-01-15T08:00:00+0200",
            "٢٠٢٧-01-15T08:00:00Z", "",
        ] {
            #expect(instant(text) == nil, "\(text)")
        }
    }

    @Test("any JSON value keeps its kind through JSONValue")
    func fieldValues() throws {
        let text = #"{"a":[1,true,"x",null,{"b":2.5}],"c":false}"#
        let value = try ContractJSON.decode(JSONValue.self, from: Array(text.utf8))
        #expect(
            value
                == .object([
                    "a": .array([.number(1), .bool(true), .string("x"), .null, .object(["b": .number(2.5)])]),
                    "c": .bool(false),
                ]))
        #expect(String(decoding: try ContractJSON.encode(value), as: UTF8.self) == text)
    }

    @Test("an error body keeps a code this contract does not know, and reads one it knows")
    func errorBodies() throws {
        let newer = #"{"error":{"code":"quota_exceeded","message":"Later."}}"#
        let decoded = try ContractJSON.decode(ErrorBody.self, from: Array(newer.utf8))
        #expect(decoded.error.code == "quota_exceeded" && decoded.error.knownCode == nil && decoded.error.fields == nil)
        let body = ErrorBody(code: .validationFailed, message: "Invalid.", fields: ["text": "Required."])
        let text = String(decoding: try ContractJSON.encode(body), as: UTF8.self)
        #expect(text == #"{"error":{"code":"validation_failed","fields":{"text":"Required."},"message":"Invalid."}}"#)
        #expect(try ContractJSON.decode(ErrorBody.self, from: Array(text.utf8)).error.knownCode == .validationFailed)
    }

    @Test("a service detail writes the service's members at the top level and reads them back")
    func flattenedServiceDetail() throws {
        let detail = Catalog.ServiceDetail(
            language: .french, municipality: "TRP",
            service: Catalog.Service(
                code: "permit", name: "Permis", names: LocalizedText(ar: "رخصة", fr: "Permis", en: "Permit"),
                sector: "urban_planning", description: "Construire.", slaDays: 45, fee: 250.5, currency: "LYD",
                publicReport: false),
            fields: [], documents: [],
            workflow: Catalog.Workflow(
                resolvedAt: Date(timeIntervalSince1970: 0), slaDays: 45, fee: 250.5, currency: "LYD", stages: []))
        let bytes = try ContractJSON.encode(detail)
        let members = try ContractJSON.decode([String: JSONValue].self, from: bytes)
        #expect(
            Set(members.keys) == [
                "language", "municipality", "code", "name", "names", "sector", "description", "sla_days", "fee",
                "amount", "amount_minor", "currency", "public_report", "fields", "documents", "workflow",
            ])
        #expect(try ContractJSON.decode(Catalog.ServiceDetail.self, from: bytes) == detail)
    }

    @Test("explicit nulls stay where the server writes them, absent members where it leaves them out")
    func nulls() throws {
        let step = Intake.Receipt.Step(
            stage: 2, step: 1, sector: "finance", office: "TRP-FINANCE", status: .waiting, dueAt: nil)
        #expect(String(decoding: try ContractJSON.encode(step), as: UTF8.self).contains(#""due_at":null"#))
        let note = Staff.Note(
            id: 1, trackingNumber: "TRP-1", isPublic: false, createdAt: Date(timeIntervalSince1970: 0))
        #expect(String(decoding: try ContractJSON.encode(note), as: UTF8.self).contains(#""public":false"#))
        let chain = Audit.Chain(municipality: "TRP", intact: true, eventsChecked: 3)
        #expect(!String(decoding: try ContractJSON.encode(chain), as: UTF8.self).contains("broken_seq"))
    }
}
