import Testing

@testable import Mail

@Suite("RFC 2047 encoded-words")
struct EncodedWordsTests {
    @Test("A long Arabic subject splits into words of at most 75 characters that decode to it exactly")
    func longArabicSplitsIntoShortWordsThatDecodeBack() {
        let subject = String(repeating: "تمت الموافقة على طلب رخصة البناء رقم ٢٠٢٧-٠٠٠١٢٣، ", count: 4)
        let words = EncodedWords.encode(subject)
        #expect(words.count > 4)
        #expect(words.allSatisfy { $0.count <= 75 && $0.hasPrefix("=?utf-8?B?") && $0.hasSuffix("?=") })
        #expect(MIMEDecoding.encodedWords(words) == subject)
    }

    @Test("No word ends inside a UTF-8 sequence: each word decodes alone to valid UTF-8")
    func eachWordHoldsWholeCharacters() {
        // Two-, three- and four-byte sequences mixed, so that byte counts fall on every boundary.
        let text = String(repeating: "é٢€😀ب", count: 30)
        for word in EncodedWords.encode(text) {
            let bytes = MIMEDecoding.base64(Array(word.dropFirst(10).dropLast(2).utf8))
            #expect(String(validating: bytes, as: UTF8.self) != nil)
        }
    }

    @Test("A letter and its combining marks stay in one word when they fit")
    func graphemesAreKeptWhole() {
        // Arabic letters with shadda and fatha: three scalars, one grapheme each.
        let text = String(repeating: "بَّ", count: 40)
        let words = EncodedWords.encode(text)
        for word in words {
            let decoded = MIMEDecoding.encodedWords([word])
            #expect(decoded.unicodeScalars.count % 3 == 0)
        }
        #expect(MIMEDecoding.encodedWords(words) == text)
    }

    @Test("The first word is shorter when asked, to fit after the field name")
    func firstWordHonoursItsLength() {
        let words = EncodedWords.encode(String(repeating: "ن", count: 60), firstWordLength: 69)
        #expect(words[0].count <= 69)
        #expect(words.dropFirst().allSatisfy { $0.count <= 75 })
    }
}
