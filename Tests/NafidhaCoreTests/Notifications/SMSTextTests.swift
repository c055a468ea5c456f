import Testing

@testable import NafidhaCore

/// SMS segments per 3GPP TS 23.038 / 23.040, as gateways count them.
@Suite("SMS texts and their segments")
struct SMSTextTests {
    @Test("plain Latin text is GSM 7-bit: 160 characters in one message, 153 per part beyond")
    func gsmCapacity() {
        #expect(SMSText.encoding(of: "Request TRP-7KQ4-M2XD: Approved.") == .gsm7)
        #expect(SMSText.segments(String(repeating: "a", count: 160)).count == 1)
        let parts = SMSText.segments(String(repeating: "a", count: 161))
        #expect(parts.map(\.count) == [153, 8])
    }

    @Test("extension characters take two septets and are never split from their escape")
    func gsmExtension() {
        #expect(SMSText.encoding(of: "price: 5€ [ok]") == .gsm7)
        #expect(SMSText.segments(String(repeating: "€", count: 80)).count == 1)
        let parts = SMSText.segments(String(repeating: "a", count: 152) + "€" + String(repeating: "a", count: 10))
        #expect(parts.first == String(repeating: "a", count: 152))
    }

    @Test("Arabic is UCS-2: 70 characters alone, 67 per part when concatenated")
    func arabicCapacity() {
        #expect(SMSText.encoding(of: "تمت الموافقة") == .ucs2)
        #expect(SMSText.segments(String(repeating: "ب", count: 70)).count == 1)
        #expect(SMSText.segments(String(repeating: "ب", count: 71)).map(\.count) == [67, 4])
    }

    @Test("a French ê, or one emoji, makes the whole text UCS-2; a surrogate pair is never split")
    func ucs2Triggers() {
        #expect(SMSText.encoding(of: "Demande reçue, fenêtre") == .ucs2)
        #expect(SMSText.encoding(of: "Ç and É are GSM") == .gsm7)
        let text = String(repeating: "a", count: 66) + "😀" + "bbbb"
        let parts = SMSText.segments(text)
        #expect(parts.count == 2 && parts[0].count == 66 && parts[1].hasPrefix("😀"))
    }

    @Test("a text beyond four parts is cut with an ellipsis that keeps its alphabet")
    func fitting() {
        let long = "TRP-7KQ4-M2XD: Approved. " + String(repeating: "word ", count: 200)
        let fitted = SMSText.fit(long)
        #expect(SMSText.segments(fitted).count == 4 && fitted.hasSuffix("...") && SMSText.encoding(of: fitted) == .gsm7)
        #expect(fitted.hasPrefix("TRP-7KQ4-M2XD: Approved."))
        let arabic = SMSText.fit("TRP-7KQ4-M2XD: مرفوض. " + String(repeating: "سبب ", count: 200))
        #expect(SMSText.segments(arabic).count == 4 && arabic.hasSuffix("…"))
        #expect(SMSText.fit("short") == "short")
    }
}
