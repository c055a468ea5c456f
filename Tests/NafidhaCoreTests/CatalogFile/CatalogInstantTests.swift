import Foundation
import Testing

@testable import NafidhaCore

/// Overlay instants: a date is midnight in the municipality's zone; the export writes a date when it can.
@Suite("Catalog instants")
struct CatalogInstantTests {
    private static let tripoli = TimeZone(identifier: "Africa/Tripoli")!
    private static let djibouti = TimeZone(identifier: "Africa/Djibouti")!

    @Test("a date is local midnight: 2027-01-01 in Tripoli is 2026-12-31T22:00:00Z")
    func dates() throws {
        let micros = try #require(CatalogInstant.microseconds("2027-01-01", zone: Self.tripoli))
        #expect(micros == 1_798_754_400 * 1_000_000)
        #expect(CatalogInstant.text(micros, zone: Self.tripoli) == "2027-01-01")
        // Djibouti is an hour ahead of Tripoli all year.
        let djiboutiMidnight: Int64 = (1_798_754_400 - 3600) * 1_000_000
        #expect(CatalogInstant.microseconds("2027-01-01", zone: Self.djibouti) == djiboutiMidnight)
    }

    @Test("an instant keeps its offset's meaning to the microsecond, and is written at the zone's offset")
    func instants() throws {
        let micros = try #require(CatalogInstant.microseconds("2027-01-01T08:30:00.25Z", zone: Self.tripoli))
        #expect(micros == (1_798_754_400 + 7200 + 8 * 3600 + 1800) * 1_000_000 + 250_000)
        #expect(CatalogInstant.text(micros, zone: Self.tripoli) == "2027-01-01T10:30:00.250000+02:00")
        #expect(CatalogInstant.microseconds("2027-01-01T10:30:00.25+02:00", zone: Self.djibouti) == micros)
        #expect(CatalogInstant.text(0, zone: TimeZone(identifier: "UTC")!) == "1970-01-01")
        #expect(CatalogInstant.text(1_000_000, zone: TimeZone(identifier: "UTC")!) == "1970-01-01T00:00:01Z")
    }

    @Test(
        "anything else is not an instant",
        arguments: [
            "2027-02-30", "2027-1-01", "2027-01-01T08:00:00", "2027-01-01 08:00:00Z", "2027-01-01T24:00:00Z",
            "2027-01-01T08:00:00.1234567Z", "2027-01-01T08:00:00+2:00", "tomorrow", "",
        ])
    func refusals(text: String) {
        #expect(CatalogInstant.microseconds(text, zone: Self.tripoli) == nil)
    }
}
