import NafidhaContract

/// A service form field as the Open311 façade needs it: its Open311 datatype, its accepted form, its choices.
struct Open311Field: Sendable {
    struct Choice: Sendable {
        var code: String
        var label: LocalizedText
    }

    var position: Int
    var code: String
    /// The catalog datatype.
    var datatype: Catalog.FieldDatatype
    var required: Bool
    var label: LocalizedText
    var maxLength: Int?
    var minimum: Double?
    var maximum: Double?
    /// The service's first location field, filled from `lat`/`long`/`address_string` rather than an attribute.
    var isLocation: Bool
    var choices: [Choice]

    /// The Open311 datatype: identity numbers, phones, emails and further locations travel as strings.
    var open311Datatype: String {
        switch datatype {
        case .text: "text"
        case .number: "number"
        case .date: "datetime"
        case .singleChoice: "singlevaluelist"
        case .multipleChoice: "multivaluelist"
        case .string, .nationalID, .phone, .email, .location: "string"
        }
    }

    /// What the catalog accepts beyond the datatype, for `datatype_description`.
    var datatypeDescription: LocalizedText {
        switch datatype {
        case .date:
            return LocalizedText(ar: "تاريخ بصيغة YYYY-MM-DD", fr: "Une date AAAA-MM-JJ", en: "A date, YYYY-MM-DD")
        case .number:
            let low = minimum.map(Self.display) ?? "-∞"
            let high = maximum.map(Self.display) ?? "∞"
            return LocalizedText(
                ar: "عدد من \(low) إلى \(high)", fr: "Un nombre de \(low) à \(high)",
                en: "A number from \(low) to \(high)")
        case .location:
            return LocalizedText(ar: "عنوان", fr: "Une adresse", en: "An address")
        case .phone:
            return LocalizedText(ar: "رقم هاتف", fr: "Un numéro de téléphone", en: "A phone number")
        case .email:
            return LocalizedText(ar: "بريد إلكتروني", fr: "Une adresse électronique", en: "An email address")
        case .nationalID:
            return LocalizedText(ar: "الرقم الوطني", fr: "Le numéro national", en: "The national number")
        case .string, .text, .singleChoice, .multipleChoice:
            guard let maxLength else { return LocalizedText(ar: "", fr: "", en: "") }
            return LocalizedText(
                ar: "حتى \(maxLength) حرف", fr: "Jusqu'à \(maxLength) caractères",
                en: "Up to \(maxLength) characters")
        }
    }

    private static func display(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}
