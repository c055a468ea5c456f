import Foundation
import NafidhaContract
import Testing

/// `Money`: integer minor units, the decimal text with exactly the currency's decimals, and the one reading of a typed
/// amount (docs/payments.md, "Amounts").
@Suite("Money in minor units")
struct MoneyTests {
    @Test("the decimal text has exactly the currency's decimals: LYD 3, DJF 0, EUR 2")
    func amountText() {
        #expect(Money(amountMinor: 12500, currency: "LYD").amount == "12.500")
        #expect(Money(amountMinor: 250, currency: "LYD").amount == "0.250")
        #expect(Money(amountMinor: 5, currency: "LYD").amount == "0.005")
        #expect(Money(amountMinor: 2000, currency: "DJF").amount == "2000")
        #expect(Money(amountMinor: 1999, currency: "EUR").amount == "19.99")
        #expect(Money(amountMinor: -1500, currency: "LYD").amount == "-1.500")
    }

    @Test("JSON carries amount, amount_minor and currency, and refuses an amount that disagrees")
    func json() throws {
        let money = Money(amountMinor: 12500, currency: "LYD")
        let text = String(decoding: try ContractJSON.encode(money), as: UTF8.self)
        #expect(text == #"{"amount":"12.500","amount_minor":12500,"currency":"LYD"}"#)
        #expect(try ContractJSON.decode(Money.self, from: Array(text.utf8)) == money)
        #expect(throws: DecodingError.self) {
            try ContractJSON.decode(
                Money.self, from: Array(#"{"amount":"12.5","amount_minor":12500,"currency":"LYD"}"#.utf8))
        }
    }

    @Test("a catalog fee in major units converts exactly, or not at all")
    func fromMajor() {
        #expect(Money(major: Decimal(string: "12.5")!, currency: "LYD") == Money(amountMinor: 12500, currency: "LYD"))
        #expect(Money(major: 500, currency: "DJF") == Money(amountMinor: 500, currency: "DJF"))
        #expect(Money(major: Decimal(string: "0.5")!, currency: "DJF") == nil)
        #expect(Money(major: Decimal(string: "1.0001")!, currency: "LYD") == nil)
        #expect(Money(major: 1, currency: "XXX") == nil)
        #expect(Money(major: -1, currency: "LYD") == nil)
    }

    @Test(
        "typed amounts are read exactly",
        arguments: [
            ("12.500", "LYD", 12500), ("12.5", "LYD", 12500), ("12", "LYD", 12000), ("0.001", "LYD", 1),
            ("12.5000", "LYD", 12500), ("2000", "DJF", 2000), ("2000.0", "DJF", 2000), ("١٢٫٥", "LYD", 12500),
            ("١٢.٥٠٠", "LYD", 12500), ("۲۰۰۰", "DJF", 2000), ("0012.5", "LYD", 12500),
        ] as [(String, String, Int64)])
    func parses(_ text: String, _ currency: String, _ minor: Int64) {
        #expect(Money.parse(text, currency: currency) == .success(Money(amountMinor: minor, currency: currency)))
    }

    @Test(
        "bad amounts are refused, each for its reason",
        arguments: [
            ("12,500", "LYD", Money.Problem.comma), ("12٬500", "LYD", .comma), ("12.5001", "LYD", .tooPrecise),
            ("2000.5", "DJF", .tooPrecise), ("-12.500", "LYD", .negative), ("−5", "LYD", .negative),
            ("0", "LYD", .zero), ("0.000", "LYD", .zero), ("", "LYD", .malformed), (".5", "LYD", .malformed),
            ("12.", "LYD", .malformed), ("1.2.3", "LYD", .malformed), ("12 500", "LYD", .malformed),
            ("+12", "LYD", .malformed), ("1e3", "LYD", .malformed), ("12.500", "XXX", .unknownCurrency),
            ("1000000000000000", "DJF", .tooLarge), ("99999999999999999999999", "LYD", .tooLarge),
        ] as [(String, String, Money.Problem)])
    func refuses(_ text: String, _ currency: String, _ problem: Money.Problem) {
        #expect(Money.parse(text, currency: currency) == .failure(problem))
    }

    @Test("the largest amount is accepted, one more unit is not")
    func bounds() {
        #expect(
            Money.parse("999999999999999", currency: "DJF")
                == .success(Money(amountMinor: Money.maximumMinor, currency: "DJF")))
        #expect(Money.parse("999999999999.999", currency: "LYD").map(\.amountMinor) == .success(Money.maximumMinor))
        #expect(Money.parse("1000000000000.000", currency: "LYD") == .failure(.tooLarge))
    }
}
