import Foundation
import NafidhaContract
import Testing

@testable import NafidhaCore

/// A catalog file's validation: every problem at once, each with its JSON path, line and column, in three languages.
@Suite("Catalog file validation")
struct CatalogFileValidationTests {
    typealias Samples = CatalogFileSamples

    /// The issue's bad inputs, each with the text whose first occurrence it puts in the file.
    static let badInputs: [(edit: (String, String), marker: String, reason: CatalogProblem.Reason, path: String)] = [
        (
            (
                #"{"step": 1, "sector": "urban_planning", "sla_days": 15}"#,
                #"{"step": 1, "sector": "town_planning", "sla_days": 15}"#
            ),
            #""town_planning""#, .unknownReference(.sector, "town_planning"),
            "$.services[2].workflow[0].steps[0].sector"
        ),
        (
            (
                #""service_overlays": ["#,
                #""service_overlays": [{"service": "building_permit", "municipality": "TRP", "valid_from": "2027-06-01", "sla_days": 40},"#
            ),
            #""2027-06-01""#, .overlaps(JSONPath.root.appending("service_overlays").appending(11)),
            "$.service_overlays[0].valid_from"
        ),
        (
            (#""date": "2027-12-24""#, #""date": "2028-12-24""#), #""2028-12-24""#,
            .holidayOutsideYears(2026...2027), "$.countries[1].holidays[27].date"
        ),
        (
            (
                #""labels": {"ar": "عدد الطوابق", "fr": "Nombre d'étages", "en": "Number of floors"},"#,
                #""labels": {"ar": "عدد الطوابق", "fr": "Nombre d'étages", "en": "Number of floors"}, "choices": [{"code": "one", "labels": {"ar": "١", "fr": "un", "en": "one"}}],"#
            ),
            #"[{"code": "one""#, .choicesNotAllowed(datatype: "number"), "$.services[2].fields[4].choices"
        ),
        (
            (#""sectors": ["#, #""sectors": [{"code": "health", "names": {"ar": "ص", "fr": "S", "en": "H"}},"#),
            #""code": "health", "names": {"ar": "الصحة""#, .duplicate(.sector, "health"), "$.sectors[5].code"
        ),
        (
            (
                #"{"country": "LY", "amount_minor": 250000, "currency": "LYD"}"#,
                #"{"country": "LY", "amount_minor": 250000.5, "currency": "LYD"}"#
            ),
            "250000.5", .feePrecision(currency: "LYD", exponent: 3), "$.services[2].fees[1].amount_minor"
        ),
    ]

    @Test("the demo catalog file is valid")
    func demoIsValid() {
        #expect(Samples.problems(Samples.demo).isEmpty)
    }

    @Test("each bad input of the issue is reported with its path, line and column", arguments: 0..<badInputs.count)
    func badInput(index: Int) throws {
        let sample = Self.badInputs[index]
        let text = Samples.edited([sample.edit])
        let problems = Samples.problems(text)
        #expect(problems.count == 1, "\(problems)")
        let problem = try #require(problems.first)
        #expect(problem.reason == sample.reason)
        #expect(problem.path.description == sample.path)
        #expect(problem.position != nil)
        if sample.marker == #""code": "health", "names": {"ar": "الصحة""# {
            #expect(
                problem.position
                    == Samples.position(of: sample.marker, in: text).map { .init(line: $0.line, column: $0.column + 8) }
            )
        } else {
            #expect(problem.position == Samples.position(of: sample.marker, in: text))
        }
    }

    @Test("a file with all of them reports every one at once, in file order")
    func everyProblemAtOnce() {
        let text = Samples.edited(Self.badInputs.map(\.edit))
        let problems = Samples.problems(text)
        #expect(Set(problems.map(\.path.description)).isSuperset(of: Self.badInputs.map(\.path)))
        #expect(problems.count == Self.badInputs.count, "\(problems)")
        let positions = problems.compactMap(\.position)
        #expect(positions.count == problems.count && positions == positions.sorted())
    }

    @Test("a DJF fee with decimals is refused: the franc has none")
    func currencyWithoutDecimals() {
        let text = Samples.edited([
            (
                #"{"country": "DJ", "amount_minor": 500, "currency": "DJF"}"#,
                #"{"country": "DJ", "amount_minor": 500.5, "currency": "DJF"}"#
            )
        ])
        #expect(Samples.problems(text).map(\.reason) == [.feePrecision(currency: "DJF", exponent: 0)])
    }

    @Test("a fee in another currency than its country's, or one the database cannot hold, is refused")
    func feeCurrencyAndSize() {
        let text = Samples.edited([
            (
                #"{"country": "LY", "amount_minor": 250000, "currency": "LYD"}"#,
                #"{"country": "LY", "amount_minor": 250000, "currency": "EUR"}"#
            ),
            (
                #"{"country": "DJ", "amount_minor": 500, "currency": "DJF"}"#,
                #"{"country": "DJ", "amount_minor": 1000000000, "currency": "DJF"}"#
            ),
        ])
        #expect(
            Samples.problems(text).map(\.reason) == [.outOfRange(0...999_999_999), .currencyMismatch(expected: "LYD")])
    }

    @Test("a file that is not JSON is one problem at the place it stops being JSON")
    func notJSON() {
        let problems = Samples.problems("{\"format\": 1,\n \"countries\": [}")
        #expect(
            problems == [
                CatalogProblem(
                    .syntax(.unexpectedCharacter(found: "}", expected: .value)), at: .root,
                    position: SourcePosition(line: 2, column: 16))
            ])
    }

    @Test("a 50 MB file is refused before it is read")
    func tooLarge() {
        #expect(throws: CatalogFileError.self) { try CatalogFile.read([UInt8](repeating: 0x20, count: 50 << 20)) }
        do {
            _ = try CatalogFile.read([UInt8](repeating: 0x20, count: CatalogFile.maximumBytes + 1))
        } catch .tooLarge(let bytes) {
            #expect(bytes == CatalogFile.maximumBytes + 1)
        } catch {
            Issue.record("\(error)")
        }
    }

    @Test("misspelled, missing, repeated and mistyped members are named where they are")
    func shapes() throws {
        let text = Samples.edited([
            (#""sla_days": 30,"#, #""sla_day": 30,"#),
            (#""public_report": false,"#, #""public_report": "no", "public_report": false,"#),
            (#""format": 1"#, #""format": 2"#),
        ])
        let reasons = Samples.problems(text).map(\.reason)
        #expect(reasons.contains(.unknownMember("sla_day")))
        #expect(reasons.contains(.missingMember("sla_days")))
        #expect(reasons.contains(.repeatedMember("public_report")))
        #expect(reasons.contains(.wrongType(expected: .boolean, found: .string)))
        #expect(reasons.contains(.unsupportedFormat("2")))
        let unknown = try #require(Samples.problems(text).first { $0.reason == .unknownMember("sla_day") })
        #expect(unknown.position == Samples.position(of: #""sla_day""#, in: text))
    }

    @Test("codes of the wrong form, unknown time zones and currencies, and unanchored patterns are refused")
    func forms() {
        let text = Samples.edited([
            (#""code": "TRP""#, #""code": "trp""#),
            (#""time_zone": "Africa/Tripoli""#, #""time_zone": "Africa/Atlantis""#),
            (#""currency": "DJF""#, #""currency": "XXX""#),
            (#""pattern": "^[0-9]{8,12}$""#, #""pattern": "[0-9]{8,12}""#),
        ])
        let reasons = Samples.problems(text).map(\.reason)
        #expect(reasons.contains(.invalidCode(.municipality)))
        #expect(reasons.contains(.unknownTimeZone))
        #expect(reasons.contains(.unknownCurrency))
        #expect(reasons.contains(.unanchoredPattern))
    }

    @Test("an overlay that ends before it starts, or changes nothing, and a step overlay on a missing step")
    func overlays() {
        let text = Samples.edited([
            (
                #""service_overlays": ["#,
                #""service_overlays": [{"service": "water_connection", "municipality": "BEN", "valid_from": "2027-06-01", "valid_to": "2027-01-01", "sla_days": 9}, {"service": "water_connection", "municipality": "MIS", "valid_from": "2027-06-01"},"#
            ),
            (
                #""step_overlays": ["#,
                #""step_overlays": [{"service": "water_connection", "municipality": "BEN", "stage": 3, "step": 1, "valid_from": "2027-06-01", "sla_days": 2},"#
            ),
        ])
        let reasons = Samples.problems(text).map(\.reason)
        #expect(reasons.contains(.endsBeforeStart))
        #expect(reasons.contains(.emptyOverlay))
        #expect(reasons.contains(.noSuchStep(stage: 3, step: 1)))
    }

    @Test("every message reads in Arabic, French and English")
    func languages() {
        let text = Samples.edited(Self.badInputs.map(\.edit))
        for problem in Samples.problems(text) + Samples.problems("[") {
            let message = problem.message
            #expect(message.ar.unicodeScalars.contains { (0x0600...0x06FF).contains($0.value) }, "\(problem)")
            #expect(!message.fr.isEmpty && message.fr != message.en, "\(problem)")
            #expect(!message.en.isEmpty, "\(problem)")
        }
    }
}
