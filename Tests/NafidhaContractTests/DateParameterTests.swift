import Foundation
import NafidhaContract
import Testing

@Suite("Date parameters: one strict reading, one range")
struct DateParameterTests {
    @Test("dates and RFC 3339 instants with a zone within 2000-01-01 … 2100-01-01 read")
    func accepted() {
        #expect(DateParameter.read("2026-03-01") == .date(Date(timeIntervalSince1970: 1_772_323_200)))
        #expect(DateParameter.read("2026-03-01T02:00:00+02:00") == .date(Date(timeIntervalSince1970: 1_772_323_200)))
        #expect(DateParameter.read("2000-01-01") == .date(DateParameter.earliest))
        #expect(DateParameter.read("2100-01-01T00:00:00Z") == .date(DateParameter.latest))
        #expect(DateParameter.read("2026-03-01T08:15:00.5Z") != .malformed)
    }

    @Test(
        "years 1 and 9999, and dates just outside, are out of range",
        arguments: ["0001-01-01", "9999-12-31", "1999-12-31T23:59:59Z", "2100-01-01T00:00:01Z"])
    func outOfRange(text: String) {
        #expect(DateParameter.read(text) == .outOfRange)
    }

    @Test(
        "anything but a real date or an instant with a zone is malformed",
        arguments: [
            "", "2026-02-30", "2026-13-01", "2026-3-1", "2026-03-01T08:15:00", "infinity", "+275760-09-13",
            "2026-03-01 08:15:00Z", "٢٠٢٦-03-01", "2026-03-01T24:00:00Z", "20260301", "2026-03-01Z",
        ])
    func malformed(text: String) {
        #expect(DateParameter.read(text) == .malformed)
    }
}
