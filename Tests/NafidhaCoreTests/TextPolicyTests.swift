import NafidhaContract
import Testing

@testable import NafidhaCore

@Suite("The one text policy")
struct TextPolicyTests {
    private static func check(_ text: String, _ kind: TextPolicy.Kind, limit: Int = 100) -> Result<String, Refusal> {
        TextPolicy.check(text, as: kind, limit: limit)
    }

    @Test("text is stored in NFC: a decomposed é and a precomposed one are one name")
    func normalisation() {
        #expect(Self.check("Ame\u{301}lie", .name) == .success("Am\u{E9}lie"))
        #expect(Self.check("  Amina  ", .name) == .success("Amina"))
        #expect(Self.check("  two\n  lines ", .text) == .success("  two\n  lines "))
    }

    @Test(
        "names refuse every bidi control, invisible-only and letterless names",
        arguments: [
            ("\u{2066}\u{FEFF}\u{061C}", FieldReason.bidiControls), ("Amal\u{202E}lasA", .bidiControls),
            ("Amal\u{200F}", .bidiControls), ("\u{FEFF}\u{3164}\u{200B}", .required), ("\u{FEFF}...", .noLetter),
            ("12345", .noLetter), ("Amal\u{2028}Salem", .lineBreak), ("Amal\nSalem", .lineBreak),
            ("Amal\u{FFFE}", .nonCharacters), ("Amal" + String(Unicode.Scalar(0xFDD0)!), .nonCharacters),
            ("Amal\u{1FFFF}", .nonCharacters),
            ("Amal\u{7}", .controlCharacters), ("Amal\u{85}", .controlCharacters), ("Amal\tSalem", .controlCharacters),
        ])
    func namesRefused(name: String, reason: FieldReason) {
        #expect(Self.check(name, .name) == .failure(Refusal(reason)))
    }

    @Test("Arabic, French and hyphenated names pass")
    func namesAccepted() {
        for name in ["أمل بن سالم", "Jean-Luc D'Arc", "Ōno 2", "آمنة"] {
            #expect(Self.check(name, .name) == .success(name))
        }
    }

    @Test("free text drops embeddings, overrides and isolates but keeps the marks Arabic keyboards type")
    func freeTextBidi() {
        #expect(Self.check("a\u{202E}b\u{2066}c\u{2069}", .text) == .success("abc"))
        #expect(Self.check("رقم\u{200F} 12\u{061C}", .text) == .success("رقم\u{200F} 12\u{061C}"))
        #expect(Self.check("a\u{202E}b", .line) == .success("ab"))
    }

    @Test("line breaks: refused on one line, made LF in multi-line text; tabs only in multi-line text")
    func lineBreaks() {
        #expect(Self.check("a\r\nb\rc\u{2028}d\u{2029}e", .text) == .success("a\nb\nc\nd\ne"))
        #expect(Self.check("a\u{2029}b", .line) == .failure(Refusal(.lineBreak)))
        #expect(Self.check("a\tb", .text) == .success("a\tb"))
        #expect(Self.check("a\tb", .line) == .failure(Refusal(.controlCharacters)))
        #expect(Self.check("esc\u{1B}[31m", .text) == .failure(Refusal(.controlCharacters)))
    }

    @Test("empty or invisible text is missing; the limit counts scalars after normalisation")
    func requiredAndLimit() {
        #expect(Self.check(" \u{200B}\u{FEFF} ", .text) == .failure(Refusal(.required)))
        #expect(Self.check("\u{202E}", .line) == .failure(Refusal(.required)))
        #expect(
            Self.check(String(repeating: "e\u{301}", count: 4), .line, limit: 4)
                == .success(String(repeating: "\u{E9}", count: 4)))
        #expect(Self.check("abcde", .line, limit: 4) == .failure(Refusal(.tooLong(maximum: 4))))
    }
}
