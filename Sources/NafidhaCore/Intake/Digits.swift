/// Digits as citizens type them: Arabic-Indic (٠-٩, U+0660…) and Eastern Arabic-Indic (۰-۹, U+06F0…) digits are
/// read as ASCII digits, and the Arabic decimal separator (٫) as a point.
enum Digits {
    /// `text` with every Arabic-Indic or Eastern Arabic-Indic digit replaced by its ASCII digit.
    static func normalized(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0660...0x0669: scalars.append(Unicode.Scalar(UInt8(scalar.value - 0x0660 + 0x30)))
            case 0x06F0...0x06F9: scalars.append(Unicode.Scalar(UInt8(scalar.value - 0x06F0 + 0x30)))
            case 0x066B: scalars.append(".")
            default: scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    /// True when `text` is one or more ASCII digits.
    static func areASCIIDigits(_ text: some StringProtocol) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }
}
