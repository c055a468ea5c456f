import Foundation
import Testing

@testable import NafidhaCore

/// Which descriptions are held from the public views (docs/open311.md, "Moderation").
@Suite("Description screening")
struct DescriptionScreeningTests {
    static let libya = IntakeFieldValidatorTests.libya
    static let now = IntakeFieldValidatorTests.now

    @Test(
        "phone numbers and national ids in any usual writing are found",
        arguments: [
            "Call me on 0912345678", "call +218 91 234 5678 please", "ring 00218-91-234-5678.",
            "رقمي ٠٩١٢٣٤٥٦٧٨ شكرا", "my id: 119901234567", "(091) 234 5678 or later",
            "two numbers 0912345678 0923456789",
        ])
    func found(_ text: String) {
        #expect(DescriptionScreening.holdsPersonalData(text, rules: Self.libya, at: Self.now))
    }

    @Test(
        "house numbers, dates, amounts and counts are not",
        arguments: [
            "Bins overflowing since Monday, 12 bags", "since 2026-11-03 at 07:30", "about 150000 LYD of damage",
            "lamp post 4471 on street 12", "",
        ])
    func notFound(_ text: String) {
        #expect(!DescriptionScreening.holdsPersonalData(text, rules: Self.libya, at: Self.now))
    }

    @Test("runs keep the separators inside numbers and drop those around them")
    func runs() {
        #expect(DescriptionScreening.runs(in: "a +218 91-234.5678, b (12) c") == ["+218 91-234.5678", "12"])
    }
}
