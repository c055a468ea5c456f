import Testing

@testable import Mail

@Suite("E-mail addresses")
struct MailAddressTests {
    @Test(
        "Plain and internationalized addr-specs are accepted",
        arguments: ["clerk@tripoli.ly", "first.last+notify@mairie.dj", "o'brien@example.org", "مواطن@بلدية.ly"])
    func acceptsValidAddresses(_ address: String) throws {
        #expect(try MailAddress(address).address == address)
    }

    @Test(
        "Malformed addresses are refused",
        arguments: [
            "no-at-sign", "@tripoli.ly", "clerk@", "two..dots@tripoli.ly", ".lead@tripoli.ly", "a b@tripoli.ly",
            "a<b@tripoli.ly", "a@[127.0.0.1]", "a@tripoli..ly", "\"quoted\"@tripoli.ly",
            String(repeating: "x", count: 65) + "@tripoli.ly",
        ])
    func refusesMalformedAddresses(_ address: String) {
        #expect(throws: MailMessageError.self) { try MailAddress(address) }
    }

    @Test("A line break in an address or a display name is a header injection, refused")
    func refusesLineBreaks() throws {
        let address = #expect(throws: MailMessageError.self) { try MailAddress("a@b.ly\r\nBcc: x@evil.example") }
        #expect(address?.isHeaderInjection == true)
        let name = #expect(throws: MailMessageError.self) {
            try MailAddress("a@b.ly", displayName: "Clerk\nBcc: x@evil.example")
        }
        #expect(name?.isHeaderInjection == true)
    }

    @Test("An address with non-ASCII letters is internationalized; an ASCII one is not")
    func internationalized() throws {
        #expect(try MailAddress("مواطن@بلدية.ly").isInternationalized)
        #expect(try !MailAddress("clerk@tripoli.ly", displayName: "بلدية").isInternationalized)
    }
}
