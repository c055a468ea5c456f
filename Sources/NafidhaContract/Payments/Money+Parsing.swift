extension Money {
    /// Why a typed amount was refused.
    public enum Problem: String, Error, Sendable, Equatable, CaseIterable {
        /// Empty, or anything but digits and one `.` (a sign, spaces, letters, two points).
        case malformed
        /// A leading `-`: payments and bills are never negative.
        case negative
        /// A `,` or the Arabic thousands separator: `12,500` is ambiguous (12.5 or 12500), so it is never guessed.
        case comma
        /// More decimals than the currency has (`12.5001` LYD, `2000.5` DJF).
        case tooPrecise = "too_precise"
        /// Zero: nothing is billed or paid for nothing.
        case zero
        /// Past `maximumMinor`.
        case tooLarge = "too_large"
        /// A currency `CurrencyExponent` does not list.
        case unknownCurrency = "unknown_currency"
    }

    /// Reads an amount typed by a person or a client in `currency`'s major units: `12.500`, `12.5`, `12`, with
    /// Arabic-Indic (`١٢٫٥`) or Eastern Arabic-Indic digits and the Arabic decimal separator normalized. A leading
    /// `-`, a `,`, more decimals than the currency has, zero and anything else are refused.
    public static func parse(_ text: String, currency: String) -> Result<Money, Problem> {
        guard let exponent = CurrencyExponent.of(currency) else { return .failure(.unknownCurrency) }
        if let first = text.unicodeScalars.first, first == "-" || first == "\u{2212}" { return .failure(.negative) }
        var whole = ""
        var fraction = ""
        var sawPoint = false
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x30...0x39:
                if sawPoint { fraction.unicodeScalars.append(scalar) } else { whole.unicodeScalars.append(scalar) }
            case 0x660...0x669, 0x6F0...0x6F9:
                // Arabic-Indic and Eastern Arabic-Indic digits: their value is their offset in the block.
                let base: UInt32 = scalar.value >= 0x6F0 ? 0x6F0 : 0x660
                let digit = Character(Unicode.Scalar(0x30 + scalar.value - base)!)
                if sawPoint { fraction.append(digit) } else { whole.append(digit) }
            case 0x2E, 0x66B:
                // `.` or the Arabic decimal separator, once, after at least one digit.
                guard !sawPoint, !whole.isEmpty else { return .failure(.malformed) }
                sawPoint = true
            case 0x2C, 0x66C, 0x60C:
                return .failure(.comma)
            default:
                return .failure(.malformed)
            }
        }
        guard !whole.isEmpty, !(sawPoint && fraction.isEmpty) else { return .failure(.malformed) }
        // Trailing zeros past the currency's decimals change nothing (`12.5000` is 12.500); anything else does.
        while fraction.count > exponent, fraction.last == "0" { fraction.removeLast() }
        guard fraction.count <= exponent else { return .failure(.tooPrecise) }
        let digits = whole + fraction + String(repeating: "0", count: exponent - fraction.count)
        let significant = digits.drop { $0 == "0" }
        guard significant.count <= 15, let minor = Int64(significant.isEmpty ? "0" : String(significant)) else {
            return .failure(.tooLarge)
        }
        guard minor != 0 else { return .failure(.zero) }
        guard minor <= maximumMinor else { return .failure(.tooLarge) }
        return .success(Money(amountMinor: minor, currency: currency))
    }
}
