import NafidhaContract

/// The Open311 façade's messages in Arabic, French and English.
enum Open311Messages {
    static let invalidKeyName = LocalizedText(
        ar: "اسم التطبيق مطلوب، بحد أقصى 100 حرف ودون محارف تحكم.",
        fr: "Le nom de l'application est requis : 100 caractères au plus, sans caractère de contrôle.",
        en: "The application name is required: at most 100 characters, without control characters."
    )
    static let keyNameTaken = LocalizedText(
        ar: "يوجد مفتاح بهذا الاسم.", fr: "Une clé porte déjà ce nom.", en: "A key with this name exists."
    )
    static let unknownJurisdiction = LocalizedText(
        ar: "jurisdiction_id غير معروف.", fr: "jurisdiction_id inconnu.", en: "Unknown jurisdiction_id."
    )
    static let jurisdictionRequired = LocalizedText(
        ar: "jurisdiction_id مطلوب (رمز البلدية).", fr: "jurisdiction_id est requis (code de la commune).",
        en: "jurisdiction_id is required (the municipality code)."
    )
    static let unknownService = LocalizedText(
        ar: "لا توجد خدمة بلاغات عامة بهذا الرمز.", fr: "Aucun service de signalement public ne porte ce code.",
        en: "No public-report service has this code."
    )
    static let notPublicService = LocalizedText(
        ar: "هذه الخدمة ليست بلاغاً عاماً ولا تُقدَّم عبر Open311؛ استعمل واجهة نافذة.",
        fr: "Ce service n'est pas un signalement public et ne se demande pas par Open311 : utilisez l'API Nafidha.",
        en: "This service is not a public report and cannot be requested through Open311: use the Nafidha API."
    )
    static let unknownRequest = LocalizedText(
        ar: "لا يوجد بلاغ عام بهذا الرقم.", fr: "Aucun signalement public ne porte ce numéro.",
        en: "No public report has this id."
    )
    static let apiKeyRequired = LocalizedText(
        ar: "مفتاح api_key صالح مطلوب.", fr: "Une api_key valide est requise.", en: "A valid api_key is required."
    )
    static let serviceCodeRequired = LocalizedText(
        ar: "service_code مطلوب.", fr: "service_code est requis.", en: "service_code is required."
    )
    static let locationRequired = LocalizedText(
        ar: "يلزم lat و long معاً، أو address_string، أو address_id.",
        fr: "Il faut lat et long ensemble, ou address_string, ou address_id.",
        en: "One of lat and long together, address_string or address_id is required."
    )
    static let descriptionTooLong = LocalizedText(
        ar: "الوصف أطول من 4000 حرف.", fr: "La description dépasse 4000 caractères.",
        en: "The description is longer than 4000 characters."
    )
    static let invalidMediaURL = LocalizedText(
        ar: "media_url يجب أن يكون عنوان http أو https بحد أقصى 2000 حرف.",
        fr: "media_url doit être une adresse http ou https de 2000 caractères au plus.",
        en: "media_url must be an http or https URL of at most 2000 characters."
    )
    static let invalidParameters = LocalizedText(
        ar: "بعض المعاملات غير صالحة.", fr: "Certains paramètres sont invalides.", en: "Some parameters are invalid."
    )
    static func invalidDate(_ name: String) -> LocalizedText {
        LocalizedText(
            ar: "\(name) يجب أن يكون تاريخاً بصيغة ISO 8601 مع المنطقة الزمنية.",
            fr: "\(name) doit être une date ISO 8601 avec fuseau horaire.",
            en: "\(name) must be an ISO 8601 date with a time zone."
        )
    }
    static let spanTooLong = LocalizedText(
        ar: "المدة بين البداية والنهاية لا تتجاوز 90 يوماً ولا تكون سالبة.",
        fr: "L'intervalle entre début et fin est de 90 jours au plus, et positif.",
        en: "The span from start to end must be positive and at most 90 days."
    )
    static let invalidStatus = LocalizedText(
        ar: "status يكون open أو closed.", fr: "status vaut open ou closed.", en: "status must be open or closed."
    )
    static func invalidPaging(_ name: String, _ maximum: Int) -> LocalizedText {
        LocalizedText(
            ar: "\(name) عدد صحيح بين 1 و\(maximum).", fr: "\(name) est un entier de 1 à \(maximum).",
            en: "\(name) must be a whole number from 1 to \(maximum)."
        )
    }
    static let tooManyIDs = LocalizedText(
        ar: "عدد كبير جداً من المعرّفات.", fr: "Trop d'identifiants.", en: "Too many ids."
    )
}
