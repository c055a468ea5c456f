// The one place where the reasons of refused members are written, in Arabic, French and English, beside the error
// messages of ErrorCode+Messages.swift. Long on purpose, for the same reason: translations side by side.

extension FieldReason {
    /// The reason in the three languages.
    public var text: LocalizedText {
        switch self {
        case .required:
            LocalizedText(ar: "هذا الحقل مطلوب.", fr: "Ce champ est obligatoire.", en: "This field is required.")
        case .wrongType:
            LocalizedText(
                ar: "نوع القيمة غير صحيح.", fr: "Type de valeur incorrect.", en: "The value has the wrong type.")
        case .unknownMember:
            LocalizedText(ar: "حقل غير معروف.", fr: "Champ inconnu.", en: "Unknown field.")
        case .mustBeObject:
            LocalizedText(
                ar: "يجب أن تكون القيمة كائن JSON.", fr: "La valeur doit être un objet JSON.",
                en: "The value must be a JSON object.")
        case .mustBeString:
            LocalizedText(
                ar: "يجب أن تكون القيمة نصاً.", fr: "La valeur doit être une chaîne de caractères.",
                en: "The value must be a string.")
        case .mustBeBoolean:
            LocalizedText(
                ar: "يجب أن تكون القيمة true أو false.", fr: "La valeur doit être true ou false.",
                en: "The value must be true or false.")
        case .mustBeArray:
            LocalizedText(
                ar: "يجب أن تكون القيمة قائمة.", fr: "La valeur doit être une liste.", en: "The value must be a list.")
        case .controlCharacters:
            LocalizedText(
                ar: "النص يحتوي على محارف تحكم غير مسموح بها.",
                fr: "Le texte contient des caractères de contrôle interdits.",
                en: "The text contains control characters that are not allowed.")
        case .bidiControls:
            LocalizedText(
                ar: "لا يجوز أن يحتوي الاسم على محارف تنسيق الاتجاه (مثل U+202E).",
                fr: "Un nom ne peut pas contenir de caractères de mise en forme bidirectionnelle (comme U+202E).",
                en: "A name may not contain bidirectional formatting characters (such as U+202E).")
        case .nonCharacters:
            LocalizedText(
                ar: "النص يحتوي على محارف يونيكود غير مسموح بها (non-characters).",
                fr: "Le texte contient des non-caractères Unicode.",
                en: "The text contains Unicode noncharacters.")
        case .lineBreak:
            LocalizedText(
                ar: "هذا الحقل سطر واحد ولا يقبل فواصل الأسطر.",
                fr: "Ce champ tient sur une ligne : les sauts de ligne sont interdits.",
                en: "This field is one line: line breaks are not allowed.")
        case .noLetter:
            LocalizedText(
                ar: "يجب أن يحتوي الاسم على حرف ظاهر واحد على الأقل.",
                fr: "Un nom doit contenir au moins une lettre visible.",
                en: "A name needs at least one visible letter.")
        case .tooLong(let maximum):
            LocalizedText(
                ar: "النص طويل جداً (الحد الأقصى \(maximum) حرفاً).",
                fr: "Le texte est trop long (\(maximum) caractères au plus).",
                en: "The text is too long (at most \(maximum) characters).")
        case .tooMany(let maximum):
            LocalizedText(
                ar: "أكثر من \(maximum) عنصرًا.", fr: "Plus de \(maximum) éléments.", en: "More than \(maximum) entries."
            )
        case .tooManyProblems:
            LocalizedText(
                ar: "أخطاء أخرى لم تُعرض.", fr: "D'autres erreurs n'ont pas été listées.",
                en: "Further problems were not listed.")
        case .notANumber:
            LocalizedText(
                ar: "يجب أن تكون القيمة عدداً.", fr: "La valeur doit être un nombre.", en: "The value must be a number.")
        case .notADate:
            LocalizedText(
                ar: "يجب أن يكون التاريخ صحيحاً بالصيغة YYYY-MM-DD.",
                fr: "La date doit être une date réelle au format AAAA-MM-JJ.",
                en: "The date must be a real date written YYYY-MM-DD.")
        case .atLeast(let minimum):
            LocalizedText(
                ar: "يجب ألا تقل القيمة عن \(minimum).", fr: "La valeur doit être au moins \(minimum).",
                en: "The value must be at least \(minimum).")
        case .atMost(let maximum):
            LocalizedText(
                ar: "يجب ألا تزيد القيمة عن \(maximum).", fr: "La valeur doit être au plus \(maximum).",
                en: "The value must be at most \(maximum).")
        case .unknownChoice:
            LocalizedText(ar: "اختيار غير معروف.", fr: "Choix inconnu.", en: "Unknown choice.")
        case .duplicateChoice:
            LocalizedText(ar: "اختيار مكرر.", fr: "Choix en double.", en: "A choice is repeated.")
        case .invalidNationalID:
            LocalizedText(
                ar: "الرقم الوطني غير صالح.", fr: "Le numéro national n'est pas valide.",
                en: "The national number is not valid.")
        case .invalidBirthYear:
            LocalizedText(
                ar: "سنة الميلاد في الرقم الوطني غير صالحة.",
                fr: "L'année de naissance contenue dans le numéro national n'est pas valide.",
                en: "The year of birth in the national number is not valid.")
        case .invalidPhone:
            LocalizedText(
                ar: "رقم الهاتف غير صالح لهذا البلد.", fr: "Le numéro de téléphone n'est pas valide pour ce pays.",
                en: "The phone number is not valid for this country.")
        case .invalidEmail:
            LocalizedText(
                ar: "عنوان البريد الإلكتروني غير صالح.", fr: "L'adresse électronique n'est pas valide.",
                en: "The email address is not valid.")
        case .invalidLocation:
            LocalizedText(
                ar: "يجب أن يحتوي الموقع على lat و long أو على address.",
                fr: "L'emplacement doit contenir lat et long, ou address.",
                en: "The location needs lat and long, or an address.")
        case .latitudeOutOfRange:
            LocalizedText(
                ar: "يجب أن يكون خط العرض بين -90 و 90.", fr: "La latitude doit être comprise entre -90 et 90.",
                en: "The latitude must be between -90 and 90.")
        case .longitudeOutOfRange:
            LocalizedText(
                ar: "يجب أن يكون خط الطول بين -180 و 180.", fr: "La longitude doit être comprise entre -180 et 180.",
                en: "The longitude must be between -180 and 180.")
        case .unsupportedValue:
            LocalizedText(
                ar: "القيم المقبولة: نص أو عدد أو قيمة منطقية.", fr: "Valeurs acceptées : texte, nombre ou booléen.",
                en: "Accepted values: text, numbers or booleans.")
        case .channelNeedsContact(let contact):
            LocalizedText(
                ar: "لا يمكن الإشعار بهذه الطريقة دون \(contact).", fr: "Ce canal de notification demande \(contact).",
                en: "This notification channel needs \(contact).")
        case .unknownService:
            LocalizedText(ar: "خدمة غير معروفة.", fr: "Service inconnu.", en: "Unknown service.")
        case .unknownMunicipality:
            LocalizedText(ar: "بلدية غير معروفة.", fr: "Municipalité inconnue.", en: "Unknown municipality.")
        case .serviceNotOffered:
            LocalizedText(
                ar: "هذه الخدمة غير متاحة في هذه البلدية حالياً.",
                fr: "Ce service n'est pas proposé dans cette municipalité actuellement.",
                en: "This service is not offered in this municipality at present.")
        case .noOffice:
            LocalizedText(
                ar: "لا يوجد مكتب لهذا القطاع في البلدية.", fr: "Ce secteur n'a pas de bureau dans la commune.",
                en: "This sector has no office in the municipality.")
        case .sameQueue:
            LocalizedText(
                ar: "المهمة موجودة أصلًا في هذه القائمة.", fr: "La tâche est déjà dans cette file.",
                en: "The task is already in this queue.")
        case .oneOf(let values):
            LocalizedText(
                ar: "القيم المقبولة: \(values.joined(separator: "، ")).",
                fr: "Valeurs acceptées : \(values.joined(separator: ", ")).",
                en: "Accepted values: \(values.joined(separator: ", ")).")
        case .wholeNumber(let low, let high):
            LocalizedText(
                ar: "عدد صحيح بين \(low) و\(high).", fr: "Un entier de \(low) à \(high).",
                en: "A whole number from \(low) to \(high).")
        case .notAnInstant:
            LocalizedText(
                ar: "يجب أن يكون تاريخاً بصيغة ISO 8601 مع المنطقة الزمنية.",
                fr: "Une date ISO 8601 avec fuseau horaire est attendue.",
                en: "An ISO 8601 date with a time zone is expected.")
        case .instantOutOfRange(let earliest, let latest):
            LocalizedText(
                ar: "يجب أن يقع التاريخ بين \(earliest) و\(latest).",
                fr: "La date doit être comprise entre \(earliest) et \(latest).",
                en: "The date must be from \(earliest) to \(latest).")
        case .spanTooLong(let days):
            LocalizedText(
                ar: "المدة بين البداية والنهاية لا تتجاوز \(days) يوماً ولا تكون سالبة.",
                fr: "L'intervalle entre début et fin est de \(days) jours au plus, et positif.",
                en: "The span from start to end must be positive and at most \(days) days.")
        case .jurisdictionRequired:
            LocalizedText(
                ar: "jurisdiction_id مطلوب (رمز البلدية).", fr: "jurisdiction_id est requis (code de la commune).",
                en: "jurisdiction_id is required (the municipality code).")
        case .locationRequired:
            LocalizedText(
                ar: "يلزم lat و long معاً، أو address_string، أو address_id.",
                fr: "Il faut lat et long ensemble, ou address_string, ou address_id.",
                en: "One of lat and long together, address_string or address_id is required.")
        case .invalidMediaURL(let maximumLength):
            LocalizedText(
                ar: "media_url يجب أن يكون عنوان http أو https بحد أقصى \(maximumLength) حرف.",
                fr: "media_url doit être une adresse http ou https de \(maximumLength) caractères au plus.",
                en: "media_url must be an http or https URL of at most \(maximumLength) characters.")
        case .uploadUnavailable:
            LocalizedText(
                ar: "هذا الملف المرفوع غير موجود أو انتهت صلاحيته أو استُعمل من قبل.",
                fr: "Ce fichier envoyé n'existe pas, a expiré ou a déjà été utilisé.",
                en: "This upload does not exist, has expired or was already used.")
        case .mediaTypeNotAccepted(let types):
            LocalizedText(
                ar: "نوع الملف غير مقبول لهذه الوثيقة؛ المقبول: \(types.joined(separator: ", ")).",
                fr: "Type de fichier non accepté pour ce document ; acceptés : \(types.joined(separator: ", ")).",
                en: "File type not accepted for this document; accepted: \(types.joined(separator: ", ")).")
        case .fileTooLarge(let maximumBytes):
            LocalizedText(
                ar: "الملف أكبر من المسموح لهذه الوثيقة (\(maximumBytes) بايت).",
                fr: "Le fichier dépasse la taille permise pour ce document (\(maximumBytes) octets).",
                en: "The file is larger than this document allows (\(maximumBytes) bytes).")
        }
    }
}
