import Foundation

/// An amount of money: an integer count of the currency's minor units (LYD has 3 decimals, so 12.500 LYD is 12500
/// dirhams; DJF has none) and its ISO 4217 code. Never floating point: the decimal text is made from the integer.
///
/// In JSON it is three members, written beside the members of whatever holds it: `amount`, the decimal text with
/// exactly the currency's decimals (`"12.500"`, `"2000"`), `amount_minor` and `currency`.
public struct Money: Codable, Sendable, Equatable, Hashable {
    /// The count of minor units; positive for anything billed or paid.
    public var amountMinor: Int64
    /// ISO 4217, one of `CurrencyExponent`'s.
    public var currency: String

    /// The largest amount a bill or payment may hold, in minor units: 15 digits, far beyond any fee, and small enough
    /// that no sum of a day's payments overflows.
    public static let maximumMinor: Int64 = 999_999_999_999_999

    /// An amount of `amountMinor` minor units of `currency`.
    public init(amountMinor: Int64, currency: String) {
        self.amountMinor = amountMinor
        self.currency = currency
    }

    /// The amount in major units, made exactly from a `Decimal` (a catalog fee); nil when `major` has more decimals
    /// than the currency, is negative, or the currency is unknown.
    public init?(major: Decimal, currency: String) {
        guard let exponent = CurrencyExponent.of(currency), major >= 0 else { return nil }
        var scaled = major
        for _ in 0..<exponent { scaled *= 10 }
        var whole = Decimal()
        var copy = scaled
        NSDecimalRound(&whole, &copy, 0, .plain)
        guard whole == scaled, whole <= Decimal(Self.maximumMinor) else { return nil }
        self.init(amountMinor: NSDecimalNumber(decimal: whole).int64Value, currency: currency)
    }

    /// The currency's decimals; 0 for a currency `CurrencyExponent` does not list.
    public var exponent: Int { CurrencyExponent.of(currency) ?? 0 }

    /// The decimal text with exactly `exponent` decimals: `12.500`, `0.250`, `2000`; a `-` before a negative one.
    public var amount: String {
        let digits = String(amountMinor.magnitude)
        let sign = amountMinor < 0 ? "-" : ""
        guard exponent > 0 else { return sign + digits }
        let padded = String(repeating: "0", count: max(0, exponent + 1 - digits.count)) + digits
        return sign + padded.dropLast(exponent) + "." + padded.suffix(exponent)
    }

    /// The amount in major units, for the catalog's `fee` member kept for one release (exact: a `Decimal`).
    public var major: Decimal {
        var value = Decimal(amountMinor)
        for _ in 0..<exponent { value /= 10 }
        return value
    }

    enum CodingKeys: String, CodingKey {
        case amount, currency
        case amountMinor = "amount_minor"
    }

    /// Reads `amount_minor` and `currency`; `amount` must agree with them when present.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            amountMinor: try container.decode(Int64.self, forKey: .amountMinor),
            currency: try container.decode(String.self, forKey: .currency))
        if let text = try container.decodeIfPresent(String.self, forKey: .amount), text != amount {
            throw DecodingError.dataCorruptedError(
                forKey: .amount, in: container, debugDescription: "amount disagrees with amount_minor")
        }
    }

    /// Writes `amount`, `amount_minor` and `currency`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(amount, forKey: .amount)
        try container.encode(amountMinor, forKey: .amountMinor)
        try container.encode(currency, forKey: .currency)
    }
}
