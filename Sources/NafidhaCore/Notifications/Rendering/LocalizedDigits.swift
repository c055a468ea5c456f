/// Writing numbers for a reader: Arabic-Indic digits (٠١٢…٩) in Arabic texts for an applicant who typed them so,
/// ASCII digits otherwise (docs/notifications.md, "Digits"). Identifiers such as tracking numbers are never
/// converted: they are typed back as they are.
enum LocalizedDigits {
    /// `text` with every ASCII digit replaced by its Arabic-Indic digit (U+0660 to U+0669).
    static func arabicIndic(_ text: String) -> String {
        String(
            String.UnicodeScalarView(
                text.unicodeScalars.map { scalar in
                    (0x30...0x39).contains(scalar.value)
                        ? Unicode.Scalar(scalar.value - 0x30 + 0x0660) ?? scalar : scalar
                }))
    }
}
