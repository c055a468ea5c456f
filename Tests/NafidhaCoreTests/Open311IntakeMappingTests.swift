import NafidhaContract
import Testing

@testable import NafidhaCore

@Suite("Open311 form to submission mapping")
struct Open311IntakeMappingTests {
    private let fields = [
        Open311Field(
            position: 1, code: "site", datatype: .location, required: true,
            label: LocalizedText(ar: "م", fr: "L", en: "Site"), maxLength: nil, minimum: nil, maximum: nil,
            isLocation: true, choices: []),
        Open311Field(
            position: 2, code: "works", datatype: .multipleChoice, required: true,
            label: LocalizedText(ar: "أ", fr: "T", en: "Works"), maxLength: nil, minimum: nil, maximum: nil,
            isLocation: false, choices: []),
        Open311Field(
            position: 3, code: "floors", datatype: .number, required: false,
            label: LocalizedText(ar: "ط", fr: "É", en: "Floors"), maxLength: nil, minimum: 1, maximum: 30,
            isLocation: false, choices: []),
    ]

    private func body(_ pairs: [(String, String)]) throws -> JSONValue {
        try Open311Intake.submission(
            Open311Form(pairs.map { (name: $0.0, value: $0.1) }), service: "s", municipality: "TRP", fields: fields
        ).body
    }

    @Test("lat, long and address_string fill the location field; repeated attribute[CODE][] becomes a list")
    func mapsLocationAndMultipleValues() throws {
        let body = try body([
            ("lat", "32.5"), ("long", "13.25"), ("address_string", "Souq"), ("attribute[works][]", "new"),
            ("attribute[works][]", "extension"), ("attribute[floors]", "2"), ("first_name", "Salma"),
            ("last_name", "Benali"), ("phone", "+218912345678"), ("national_id", "119901234567"), ("email", ""),
        ])
        guard case .object(let members) = body, case .object(let values)? = members["fields"],
            case .object(let applicant)? = members["applicant"]
        else {
            Issue.record("unexpected body \(body)")
            return
        }
        #expect(values["site"] == .object(["lat": .number(32.5), "long": .number(13.25), "address": .string("Souq")]))
        #expect(values["works"] == .array([.string("new"), .string("extension")]))
        #expect(values["floors"] == .string("2"))
        #expect(applicant["name"] == .string("Salma Benali"))
        #expect(applicant["email"] == nil)
        #expect(applicant["national_id"] == .string("119901234567"))
    }

    @Test("a report without a place, or with lat but no long, is refused before intake")
    func placeIsRequired() {
        #expect(throws: NafidhaError.self) { try body([("description", "x")]) }
        #expect(throws: NafidhaError.self) { try body([("lat", "32.5")]) }
        #expect(throws: NafidhaError.self) { try body([("address_string", "Souq"), ("media_url", "ftp://x")]) }
    }

    @Test("intake's problem paths are renamed to the Open311 parameters a client sent")
    func renamesProblems() {
        let reason = LocalizedText(ar: "x", fr: "x", en: "x")
        let renamed = Open311Intake.renamed(
            [
                "applicant.name": reason, "applicant.phone": reason, "fields.site": reason, "fields.works": reason,
                "municipality": reason,
            ],
            fields: fields
        )
        #expect(Set(renamed.keys) == ["first_name", "phone", "lat", "attribute[works]", "jurisdiction_id"])
    }
}
