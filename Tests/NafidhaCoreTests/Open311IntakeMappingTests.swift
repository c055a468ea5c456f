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
        let draft = Open311Intake.draft(
            Open311Form(pairs.map { (name: $0.0, value: $0.1) }), service: "s", municipality: "TRP", fields: fields)
        guard draft.problems.isEmpty else { throw NafidhaError(.invalidParameters, fields: draft.problems) }
        return draft.submission.body
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

    /// The problems found before intake, by parameter, and the location field's value then.
    private func problems(_ pairs: [(String, String)]) -> (names: Set<String>, site: JSONValue?) {
        let draft = Open311Intake.draft(
            Open311Form(pairs.map { (name: $0.0, value: $0.1) }), service: "s", municipality: "TRP", fields: fields)
        guard case .object(let members) = draft.submission.body, case .object(let values)? = members["fields"] else {
            return (Set(draft.problems.keys), nil)
        }
        return (Set(draft.problems.keys), values["site"])
    }

    @Test(
        "a missing place, lat=0x10, a long address_id or a bad media_url is named by its parameter, site made invalid")
    func problemsBeforeIntake() {
        #expect(problems([("description", "x")]).names == ["lat"])
        #expect(problems([("lat", "32.5")]).names == ["lat"])
        #expect(problems([("address_string", "Souq"), ("media_url", "ftp://x")]).names == ["media_url"])
        #expect(problems([("lat", "0x10"), ("long", "13")]).names == ["lat"])
        #expect(problems([("lat", "32"), ("long", "1e2")]).names == ["long"])
        #expect(problems([("lat", "32"), ("long", "200")]).names == ["long"])
        let address = problems([("address_id", String(repeating: "x", count: 501))])
        #expect(address.names == ["address_id"] && address.site == .bool(false))
        #expect(
            problems([("lat", "٣٢٫٥"), ("long", "13")]).site == .object(["lat": .number(32.5), "long": .number(13)]))
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
