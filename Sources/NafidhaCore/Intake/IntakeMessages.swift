import NafidhaContract

/// The localized reasons intake gives, per field, when a submission is refused.
enum IntakeMessages {
    static let validationFailed = LocalizedText(
        ar: "الطلب غير صالح.", fr: "La demande n'est pas valide.", en: "The request is invalid."
    )
    static let required = LocalizedText(
        ar: "هذا الحقل مطلوب.", fr: "Ce champ est obligatoire.", en: "This field is required.")
    static let unknownMember = LocalizedText(
        ar: "حقل غير معروف.", fr: "Champ inconnu.", en: "Unknown field."
    )
    static let mustBeObject = LocalizedText(
        ar: "يجب أن تكون القيمة كائن JSON.", fr: "La valeur doit être un objet JSON.",
        en: "The value must be a JSON object."
    )
    static let mustBeString = LocalizedText(
        ar: "يجب أن تكون القيمة نصاً.", fr: "La valeur doit être une chaîne de caractères.",
        en: "The value must be a string."
    )
    static let mustBeBoolean = LocalizedText(
        ar: "يجب أن تكون القيمة true أو false.", fr: "La valeur doit être true ou false.",
        en: "The value must be true or false."
    )
    static let unknownLanguage = LocalizedText(
        ar: "اللغة غير مدعومة: ar أو fr أو en.", fr: "Langue non prise en charge : ar, fr ou en.",
        en: "Unsupported language: ar, fr or en."
    )

    /// A notification channel asked for without its contact (`phone` or `email` of the applicant).
    static func channelWithoutContact(_ contact: String) -> LocalizedText {
        LocalizedText(
            ar: "لا يمكن الإشعار بهذه الطريقة دون applicant.\(contact).",
            fr: "Ce canal de notification demande applicant.\(contact).",
            en: "This notification channel needs applicant.\(contact)."
        )
    }

    static let mustBeArray = LocalizedText(
        ar: "يجب أن تكون القيمة قائمة.", fr: "La valeur doit être une liste.", en: "The value must be a list."
    )
    static let controlCharacters = LocalizedText(
        ar: "النص يحتوي على محارف تحكم غير مسموح بها.",
        fr: "Le texte contient des caractères de contrôle interdits.",
        en: "The text contains control characters that are not allowed."
    )
    static let unknownService = LocalizedText(
        ar: "خدمة غير معروفة.", fr: "Service inconnu.", en: "Unknown service."
    )
    static let unknownMunicipality = LocalizedText(
        ar: "بلدية غير معروفة.", fr: "Municipalité inconnue.", en: "Unknown municipality."
    )
    static let serviceNotOffered = LocalizedText(
        ar: "هذه الخدمة غير متاحة في هذه البلدية حالياً.",
        fr: "Ce service n'est pas proposé dans cette municipalité actuellement.",
        en: "This service is not offered in this municipality at present."
    )
    static let notANumber = LocalizedText(
        ar: "يجب أن تكون القيمة عدداً.", fr: "La valeur doit être un nombre.", en: "The value must be a number."
    )
    static let notADate = LocalizedText(
        ar: "يجب أن يكون التاريخ صحيحاً بالصيغة YYYY-MM-DD.",
        fr: "La date doit être une date réelle au format AAAA-MM-JJ.",
        en: "The date must be a real date written YYYY-MM-DD."
    )
    static let unknownChoice = LocalizedText(
        ar: "اختيار غير معروف.", fr: "Choix inconnu.", en: "Unknown choice."
    )
    static let duplicateChoice = LocalizedText(
        ar: "اختيار مكرر.", fr: "Choix en double.", en: "A choice is repeated."
    )
    static let invalidNationalID = LocalizedText(
        ar: "الرقم الوطني غير صالح.", fr: "Le numéro national n'est pas valide.",
        en: "The national number is not valid."
    )
    static let invalidBirthYear = LocalizedText(
        ar: "سنة الميلاد في الرقم الوطني غير صالحة.",
        fr: "L'année de naissance contenue dans le numéro national n'est pas valide.",
        en: "The year of birth in the national number is not valid."
    )
    static let invalidPhone = LocalizedText(
        ar: "رقم الهاتف غير صالح لهذا البلد.",
        fr: "Le numéro de téléphone n'est pas valide pour ce pays.",
        en: "The phone number is not valid for this country."
    )
    static let invalidEmail = LocalizedText(
        ar: "عنوان البريد الإلكتروني غير صالح.", fr: "L'adresse électronique n'est pas valide.",
        en: "The email address is not valid."
    )
    static let invalidLocation = LocalizedText(
        ar: "يجب أن يحتوي الموقع على lat و long أو على address.",
        fr: "L'emplacement doit contenir lat et long, ou address.",
        en: "The location needs lat and long, or an address."
    )
    static let latitudeOutOfRange = LocalizedText(
        ar: "يجب أن يكون خط العرض بين -90 و 90.", fr: "La latitude doit être comprise entre -90 et 90.",
        en: "The latitude must be between -90 and 90."
    )
    static let longitudeOutOfRange = LocalizedText(
        ar: "يجب أن يكون خط الطول بين -180 و 180.", fr: "La longitude doit être comprise entre -180 et 180.",
        en: "The longitude must be between -180 and 180."
    )
    static let tooManyProblems = LocalizedText(
        ar: "أخطاء أخرى لم تُعرض.", fr: "D'autres erreurs n'ont pas été listées.",
        en: "Further problems were not listed."
    )

    static func tooLong(_ limit: Int) -> LocalizedText {
        LocalizedText(
            ar: "النص طويل جداً (الحد الأقصى \(limit) حرفاً).",
            fr: "Le texte est trop long (\(limit) caractères au plus).",
            en: "The text is too long (at most \(limit) characters)."
        )
    }

    static func atLeast(_ minimum: String) -> LocalizedText {
        LocalizedText(
            ar: "يجب ألا تقل القيمة عن \(minimum).", fr: "La valeur doit être au moins \(minimum).",
            en: "The value must be at least \(minimum)."
        )
    }

    static func atMost(_ maximum: String) -> LocalizedText {
        LocalizedText(
            ar: "يجب ألا تزيد القيمة عن \(maximum).", fr: "La valeur doit être au plus \(maximum).",
            en: "The value must be at most \(maximum)."
        )
    }

    static let invalidIdempotencyKey = LocalizedText(
        ar: "يجب أن يتكون مفتاح Idempotency-Key من 16 إلى 255 محرف ASCII قابل للطباعة.",
        fr: "L'en-tête Idempotency-Key doit compter de 16 à 255 caractères ASCII imprimables.",
        en: "The Idempotency-Key must be 16 to 255 printable ASCII characters."
    )
    static let idempotencyConflict = LocalizedText(
        ar: "استُخدم مفتاح Idempotency-Key هذا مع طلب مختلف.",
        fr: "Cette clé Idempotency-Key a déjà servi pour une autre demande.",
        en: "This Idempotency-Key was already used with a different request."
    )
}
