import Foundation
import NafidhaCore
import Testing

@Suite("Open311 request filters")
struct Open311FilterTests {
    private let now = Date(timeIntervalSince1970: 1_796_000_000)

    private func filter(_ pairs: [(String, String)]) throws -> Open311RequestFilter {
        try Open311RequestFilter(parameters: pairs.map { (name: $0.0, value: $0.1) }, now: now)
    }

    private func problems(_ pairs: [(String, String)]) -> [String] {
        do {
            _ = try filter(pairs)
            return []
        } catch let error as NafidhaError {
            return error.fields.keys.sorted()
        } catch {
            return ["unexpected"]
        }
    }

    @Test("without dates the window is the 90 days before now and pages hold 1000 requests")
    func defaults() throws {
        let defaults = try filter([])
        #expect(defaults.window == .requested(start: now.addingTimeInterval(-90 * 86_400), end: now))
        #expect(defaults.page == 1 && defaults.pageSize == 1000)
        #expect(defaults.ids == nil && defaults.serviceCodes == nil && defaults.status == nil)
    }

    @Test("an empty parameter counts as absent")
    func emptyIsAbsent() throws {
        #expect(try filter([("status", ""), ("start_date", ""), ("service_code", "")]) == (try filter([])))
    }

    @Test("a start date alone opens a 90-day window from it; an end date alone closes one")
    func oneBound() throws {
        let start = try #require(Open311Dates.parse("2026-01-01T00:00:00+02:00"))
        #expect(
            try filter([("start_date", "2026-01-01T00:00:00+02:00")]).window
                == .requested(start: start, end: start.addingTimeInterval(90 * 86_400)))
        #expect(
            try filter([("end_date", "2026-01-01T00:00:00+02:00")]).window
                == .requested(start: start.addingTimeInterval(-90 * 86_400), end: start))
    }

    @Test("a span over 90 days, or an end before the start, is refused")
    func spanRules() {
        #expect(
            problems([("start_date", "2026-01-01T00:00:00Z"), ("end_date", "2026-04-01T00:00:01Z")]) == ["start_date"])
        #expect(problems([("start_date", "2026-01-01T00:00:00Z"), ("end_date", "2026-03-31T00:00:00Z")]).isEmpty)
        #expect(
            problems([("start_date", "2026-02-01T00:00:00Z"), ("end_date", "2026-01-01T00:00:00Z")]) == ["start_date"])
        #expect(
            problems([("updated_after", "2026-01-01T00:00:00Z"), ("updated_before", "2026-06-01T00:00:00Z")])
                == ["updated_after"])
    }

    @Test("dates need a time zone; bare calendar dates read as UTC midnight")
    func dateForms() {
        #expect(problems([("start_date", "2026-01-01T00:00:00")]) == ["start_date"])
        #expect(problems([("end_date", "yesterday")]) == ["end_date"])
        #expect(Open311Dates.parse("2026-01-01") == Open311Dates.parse("2026-01-01T00:00:00Z"))
        #expect(Open311Dates.parse("2026-01-01T10:00:00.250+01:00") != nil)
        #expect(Open311Dates.format(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00Z")
    }

    @Test("updated_after and updated_before bound the update time when no requested dates are given")
    func updatedWindow() throws {
        let after = try #require(Open311Dates.parse("2026-03-01T00:00:00Z"))
        #expect(
            try filter([("updated_after", "2026-03-01T00:00:00Z")]).window
                == .updated(after: after, before: after.addingTimeInterval(90 * 86_400)))
        if case .requested = try filter([
            ("updated_after", "2026-03-01T00:00:00Z"), ("start_date", "2026-03-01T00:00:00Z"),
        ]).window {
        } else {
            Issue.record("start_date should take precedence")
        }
    }

    @Test(
        "status, paging and id lists are checked",
        arguments: [
            ("status", "pending"), ("page", "0"), ("page_size", "1001"), ("page", "x"),
        ])
    func invalidValues(name: String, value: String) {
        #expect(problems([(name, value)]) == [name])
    }

    @Test("comma lists are split and trimmed")
    func lists() throws {
        let parsed = try filter([("service_request_id", "TRP-AAAA-AAAA, TRP-BBBB-BBBB,"), ("service_code", "a,b")])
        #expect(parsed.ids == ["TRP-AAAA-AAAA", "TRP-BBBB-BBBB"])
        #expect(parsed.serviceCodes == ["a", "b"])
        #expect(
            problems([("service_request_id", Array(repeating: "X", count: 1001).joined(separator: ","))])
                == ["service_request_id"])
    }
}
