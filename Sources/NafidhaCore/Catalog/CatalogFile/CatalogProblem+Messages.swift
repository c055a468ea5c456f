import NafidhaContract

// The messages of catalog file problems, in Arabic, French and English, written here and nowhere else. Longer than
// our usual files on purpose: the translations are compared side by side.

extension CatalogProblem.Reason {
    /// What is wrong, in each language.
    public var message: LocalizedText {
        switch self {
        case .tooLarge(let bytes, let limit):
            return LocalizedText(
                ar: "حجم الملف \(bytes) بايت، والحد الأقصى لملف الدليل \(limit) بايت.",
                fr: "Le fichier fait \(bytes) octets ; un fichier de catalogue fait au plus \(limit) octets.",
                en: "The file is \(bytes) bytes; a catalog file is at most \(limit) bytes.")
        case .syntax(let reason):
            return reason.message
        case .unsupportedFormat(let value):
            return LocalizedText(
                ar: "الصيغة \(quoted(value)) غير معروفة؛ هذا الإصدار يقرأ الصيغة 1.",
                fr: "Format \(quoted(value)) inconnu ; cette version lit le format 1.",
                en: "Unknown format \(quoted(value)); this version reads format 1.")
        case .wrongType(let expected, let found):
            let wanted = expected.words
            let got = found.words
            return LocalizedText(
                ar: "المتوقع \(wanted.ar)، والموجود \(got.ar).", fr: "Attendu : \(wanted.fr) ; trouvé : \(got.fr).",
                en: "Expected \(wanted.en), found \(got.en).")
        case .missingMember(let name):
            return LocalizedText(
                ar: "العنصر \(quoted(name)) مطلوب.", fr: "Le membre \(quoted(name)) est obligatoire.",
                en: "The member \(quoted(name)) is required.")
        case .unknownMember(let name):
            return LocalizedText(
                ar: "العنصر \(quoted(name)) غير معروف في هذا الموضع (خطأ إملائي؟).",
                fr: "Le membre \(quoted(name)) n'existe pas à cet endroit (faute de frappe ?).",
                en: "There is no member \(quoted(name)) here (a misspelling?).")
        case .repeatedMember(let name):
            return LocalizedText(
                ar: "العنصر \(quoted(name)) مكرر في الكائن نفسه.", fr: "Le membre \(quoted(name)) est répété.",
                en: "The member \(quoted(name)) is repeated.")
        case .emptyText:
            return LocalizedText(
                ar: "يجب ألا يكون النص فارغاً.", fr: "Le texte ne doit pas être vide.", en: "The text must not be empty."
            )
        case .textTooLong(let maximum):
            return LocalizedText(
                ar: "النص أطول من \(maximum) حرفاً.", fr: "Le texte dépasse \(maximum) caractères.",
                en: "The text is longer than \(maximum) characters.")
        case .outOfRange(let range):
            return LocalizedText(
                ar: "يجب أن يكون عدداً صحيحاً من \(range.lowerBound) إلى \(range.upperBound).",
                fr: "Un entier de \(range.lowerBound) à \(range.upperBound) est attendu.",
                en: "Expected a whole number from \(range.lowerBound) to \(range.upperBound).")
        case .notWholeNumber:
            return LocalizedText(
                ar: "يجب أن يكون عدداً صحيحاً.", fr: "Un nombre entier est attendu.", en: "Expected a whole number.")
        case .numberOutOfRange:
            return LocalizedText(
                ar: "العدد أكبر أو أدق من أن يُحفظ بدقة.", fr: "Nombre trop grand ou trop précis pour être conservé.",
                en: "The number is too large or too precise to keep exactly.")
        case .invalidCode(let kind):
            let form = kind.form
            return LocalizedText(
                ar: "رمز \(kind.words.ar) غير صالح: \(form.ar).", fr: "Code invalide (\(kind.words.fr)) : \(form.fr).",
                en: "Not a valid \(kind.words.en) code: \(form.en).")
        case .notOneOf(let words):
            let list = words.joined(separator: ", ")
            return LocalizedText(
                ar: "القيم المقبولة: \(words.joined(separator: "، ")).", fr: "Valeurs permises : \(list).",
                en: "Expected one of: \(list).")
        case .invalidDate:
            return LocalizedText(
                ar: "المتوقع تاريخ موجود بالصيغة YYYY-MM-DD.",
                fr: "Une date existante au format AAAA-MM-JJ est attendue.",
                en: "Expected a date that exists, as YYYY-MM-DD.")
        case .invalidInstant:
            return LocalizedText(
                ar: "المتوقع تاريخ YYYY-MM-DD (منتصف الليل بتوقيت البلدية) أو لحظة RFC 3339 مع المنطقة الزمنية.",
                fr: "Une date AAAA-MM-JJ (minuit à l'heure de la commune) ou un instant RFC 3339 avec son fuseau est "
                    + "attendu.",
                en: "Expected a date YYYY-MM-DD (midnight in the municipality's time) or an RFC 3339 instant with its "
                    + "offset.")
        case .unanchoredPattern:
            return LocalizedText(
                ar: "يجب أن يبدأ النمط بـ ^ وينتهي بـ $.", fr: "Le motif doit commencer par ^ et finir par $.",
                en: "The pattern must start with ^ and end with $.")
        case .invalidPattern:
            return LocalizedText(
                ar: "النمط ليس تعبيراً نمطياً صالحاً.", fr: "Le motif n'est pas une expression régulière valide.",
                en: "The pattern is not a valid regular expression.")
        case .unknownTimeZone:
            return LocalizedText(
                ar: "منطقة زمنية غير معروفة في قاعدة IANA (مثل Africa/Tripoli).",
                fr: "Fuseau horaire inconnu de la base IANA (par exemple Africa/Tripoli).",
                en: "A time zone the IANA database does not know (e.g. Africa/Tripoli).")
        case .unknownCurrency:
            return LocalizedText(
                ar: "رمز عملة ISO 4217 غير معروف، أو بأكثر من 3 خانات عشرية.",
                fr: "Code de devise ISO 4217 inconnu, ou à plus de 3 décimales.",
                en: "An ISO 4217 currency code not known, or with more than 3 decimals.")
        case .duplicate(let kind, let value):
            return LocalizedText(
                ar: "لا يجوز تكرار \(kind.words.ar) \(quoted(value)).",
                fr: "\(quoted(value)) est en double (\(kind.words.fr)).",
                en: "A second \(kind.words.en) \(quoted(value)).")
        case .unknownReference(let kind, let value):
            return LocalizedText(
                ar: "لا يوجد في الملف \(kind.words.ar) بالرمز \(quoted(value)).",
                fr: "Le fichier ne définit pas \(quoted(value)) (\(kind.words.fr)).",
                en: "The file has no \(kind.words.en) \(quoted(value)).")
        case .currencyMismatch(let expected):
            return LocalizedText(
                ar: "عملة البلد هي \(expected).", fr: "La devise du pays est \(expected).",
                en: "The country's currency is \(expected).")
        case .feePrecision(let currency, let exponent):
            return LocalizedText(
                ar: "أرقام عشرية أكثر مما تسمح به \(currency): المبلغ بأصغر وحدة (\(exponent) خانات عشرية)، عدد صحيح.",
                fr: "Trop de décimales pour \(currency) : le montant se compte en sous-unités (\(exponent) décimales), "
                    + "un entier.",
                en: "Too many decimals for \(currency): amount_minor counts its minor units (\(exponent) decimals), a "
                    + "whole number.")
        case .holidayOutsideYears(let years):
            return LocalizedText(
                ar: "العطلة خارج السنوات المعلنة للبلد (\(years.lowerBound)–\(years.upperBound)).",
                fr: "Le jour férié est hors des années déclarées du pays (\(years.lowerBound)–\(years.upperBound)).",
                en: "The holiday is outside the country's declared years (\(years.lowerBound)–\(years.upperBound)).")
        case .invalidWeekend:
            return LocalizedText(
                ar: "أيام العطلة الأسبوعية من 1 (الاثنين) إلى 7 (الأحد)، دون تكرار، مع بقاء يوم عمل واحد على الأقل.",
                fr: "Les jours de repos vont de 1 (lundi) à 7 (dimanche), sans doublon, et laissent au moins un jour "
                    + "ouvré.",
                en: "Weekend days go from 1 (Monday) to 7 (Sunday), without repeats, leaving at least one working day.")
        case .choicesNotAllowed(let datatype):
            return LocalizedText(
                ar: "الحقل من نوع \(datatype) لا يقبل خيارات؛ الخيارات لـ single_choice وmultiple_choice فقط.",
                fr: "Un champ \(datatype) ne prend pas de choix ; seuls single_choice et multiple_choice en ont.",
                en: "A \(datatype) field takes no choices; only single_choice and multiple_choice do.")
        case .choicesRequired:
            return LocalizedText(
                ar: "حقل الاختيار يحتاج إلى خيار واحد على الأقل.", fr: "Un champ à choix demande au moins un choix.",
                en: "A choice field needs at least one choice.")
        case .maxLengthNotAllowed(let datatype):
            return LocalizedText(
                ar: "الحد max_length لحقول string وtext فقط، لا لـ \(datatype).",
                fr: "max_length ne vaut que pour string et text, pas pour \(datatype).",
                en: "max_length is for string and text fields only, not \(datatype).")
        case .boundsNotAllowed(let datatype):
            return LocalizedText(
                ar: "الحدان min وmax لحقول number فقط، لا لـ \(datatype).",
                fr: "min et max ne valent que pour number, pas pour \(datatype).",
                en: "min and max are for number fields only, not \(datatype).")
        case .minimumAboveMaximum:
            return LocalizedText(
                ar: "min أكبر من max.", fr: "min dépasse max.", en: "min is above max.")
        case .municipalOfficeNeedsMunicipality:
            return LocalizedText(
                ar: "المكتب البلدي يحتاج إلى بلدية.", fr: "Un bureau municipal demande une commune.",
                en: "A municipal office needs a municipality.")
        case .specialOfficeHasMunicipality:
            return LocalizedText(
                ar: "المكتب الخاص لا يتبع بلدية بعينها.", fr: "Un bureau spécial ne dépend d'aucune commune.",
                en: "A special office belongs to no municipality.")
        case .otherCountry(let expected):
            return LocalizedText(
                ar: "يتبع بلداً آخر؛ المتوقع \(expected).", fr: "Relève d'un autre pays ; attendu : \(expected).",
                en: "This belongs to another country; expected \(expected).")
        case .secondMunicipalOffice(let municipality, let sector):
            return LocalizedText(
                ar: "للبلدية \(municipality) مكتب بلدي آخر لقطاع \(sector).",
                fr: "La commune \(municipality) a déjà un bureau municipal pour le secteur \(sector).",
                en: "The municipality \(municipality) already has a municipal office for the sector \(sector).")
        case .officeOfOtherSector(let office, let sector):
            return LocalizedText(
                ar: "المكتب \(office) يخدم قطاعاً آخر غير \(sector).",
                fr: "Le bureau \(office) sert un autre secteur que \(sector).",
                en: "The office \(office) serves another sector than \(sector).")
        case .noSuchStep(let stage, let step):
            return LocalizedText(
                ar: "لا توجد في مسار الخدمة الخطوة \(step) من المرحلة \(stage).",
                fr: "Le circuit du service n'a pas d'étape \(step) dans la phase \(stage).",
                en: "The service's workflow has no step \(step) in stage \(stage).")
        case .overlaps(let other):
            return LocalizedText(
                ar: "يتداخل زمنياً مع \(other) للهدف نفسه.", fr: "Chevauche \(other), qui vise la même chose.",
                en: "Overlaps \(other), which has the same target.")
        case .emptyOverlay:
            return LocalizedText(
                ar: "التعديل البلدي لا يغيّر شيئاً.", fr: "La surcharge municipale ne change rien.",
                en: "The overlay changes nothing.")
        case .endsBeforeStart:
            return LocalizedText(
                ar: "valid_to يجب أن يأتي بعد valid_from.", fr: "valid_to doit venir après valid_from.",
                en: "valid_to must come after valid_from.")
        case .emptyWorkflow:
            return LocalizedText(
                ar: "يحتاج المسار إلى مرحلة واحدة على الأقل، وكل مرحلة إلى خطوة واحدة على الأقل.",
                fr: "Un circuit demande au moins une phase, et chaque phase au moins une étape.",
                en: "A workflow needs at least one stage, and each stage at least one step.")
        case .inUse(let kind, let code, let uses):
            let list = CatalogProblem.Use.list(uses)
            return LocalizedText(
                ar: "لا يمكن حذف \(kind.words.ar) \(quoted(code)) من الدليل: \(list.ar).",
                fr: "\(quoted(code)) (\(kind.words.fr)) ne peut pas quitter le catalogue : \(list.fr).",
                en: "The \(kind.words.en) \(quoted(code)) cannot leave the catalog: \(list.en).")
        case .databaseRefused(let detail):
            return LocalizedText(
                ar: "رفضت قاعدة البيانات التغيير: \(detail)",
                fr: "La base de données a refusé le changement : \(detail)",
                en: "The database refused the change: \(detail)")
        }
    }
}

extension JSONSyntaxError.Reason {
    /// Why the file is not JSON, in each language.
    var message: LocalizedText {
        switch self {
        case .empty:
            LocalizedText(ar: "الملف فارغ.", fr: "Le fichier est vide.", en: "The file is empty.")
        case .unexpectedEnd(let expected):
            LocalizedText(
                ar: "انتهى الملف قبل \(expected.words.ar).", fr: "Le fichier s'arrête avant \(expected.words.fr).",
                en: "The file ends before \(expected.words.en).")
        case .unexpectedCharacter(let found, let expected):
            LocalizedText(
                ar: "ليس JSON: وُجد \(quoted(found)) حيث المتوقع \(expected.words.ar).",
                fr: "Pas du JSON : on attend \(expected.words.fr), pas \(quoted(found)).",
                en: "Not JSON: found \(quoted(found)) where \(expected.words.en) should be.")
        case .invalidNumber:
            LocalizedText(
                ar: "عدد غير صالح في JSON.", fr: "Nombre JSON invalide.", en: "Not a valid JSON number.")
        case .invalidEscape:
            LocalizedText(
                ar: "تهريب غير صالح في سلسلة نصية.", fr: "Séquence d'échappement invalide dans une chaîne.",
                en: "An invalid escape in a string.")
        case .loneSurrogate:
            LocalizedText(
                ar: "\\u يسمّي نصف زوج بديل وحده.", fr: "\\u désigne une moitié de paire de substitution seule.",
                en: "A \\u escape names half a surrogate pair alone.")
        case .controlCharacter:
            LocalizedText(
                ar: "حرف تحكم غير مُهرَّب في سلسلة نصية (مثل سطر جديد: اكتب \\n).",
                fr: "Caractère de contrôle non échappé dans une chaîne (un saut de ligne s'écrit \\n).",
                en: "An unescaped control character in a string (write a line break as \\n).")
        case .invalidUTF8:
            LocalizedText(
                ar: "الملف ليس بترميز UTF-8.", fr: "Le fichier n'est pas en UTF-8.", en: "The file is not UTF-8.")
        case .tooDeep(let limit):
            LocalizedText(
                ar: "تداخل أعمق من \(limit) مستوى.", fr: "Imbrication de plus de \(limit) niveaux.",
                en: "Nested more than \(limit) levels deep.")
        }
    }
}

extension JSONSyntaxError.Expectation {
    fileprivate var words: LocalizedText {
        switch self {
        case .value: LocalizedText(ar: "قيمة", fr: "une valeur", en: "a value")
        case .memberName:
            LocalizedText(
                ar: "اسم عنصر بين علامتي تنصيص", fr: "un nom de membre entre guillemets",
                en: "a member name in double quotes")
        case .colon: LocalizedText(ar: "«:»", fr: "« : »", en: "‘:’")
        case .commaOrBrace: LocalizedText(ar: "«,» أو «}»", fr: "« , » ou « } »", en: "‘,’ or ‘}’")
        case .commaOrBracket: LocalizedText(ar: "«,» أو «]»", fr: "« , » ou « ] »", en: "‘,’ or ‘]’")
        case .end: LocalizedText(ar: "نهاية الملف", fr: "la fin du fichier", en: "the end of the file")
        case .quote: LocalizedText(ar: "علامة التنصيص الختامية", fr: "le guillemet fermant", en: "the closing quote")
        }
    }
}

extension CatalogProblem.Expected {
    fileprivate var words: LocalizedText {
        switch self {
        case .string: LocalizedText(ar: "نص", fr: "un texte", en: "a string")
        case .integer: LocalizedText(ar: "عدد صحيح", fr: "un entier", en: "a whole number")
        case .number: LocalizedText(ar: "عدد", fr: "un nombre", en: "a number")
        case .boolean: LocalizedText(ar: "true أو false", fr: "true ou false", en: "true or false")
        case .array: LocalizedText(ar: "مصفوفة", fr: "un tableau", en: "an array")
        case .object: LocalizedText(ar: "كائن", fr: "un objet", en: "an object")
        }
    }
}

extension JSONKind {
    fileprivate var words: LocalizedText {
        switch self {
        case .null: LocalizedText(ar: "null", fr: "null", en: "null")
        case .boolean: LocalizedText(ar: "قيمة منطقية", fr: "un booléen", en: "a boolean")
        case .number: LocalizedText(ar: "عدد", fr: "un nombre", en: "a number")
        case .string: LocalizedText(ar: "نص", fr: "un texte", en: "a string")
        case .array: LocalizedText(ar: "مصفوفة", fr: "un tableau", en: "an array")
        case .object: LocalizedText(ar: "كائن", fr: "un objet", en: "an object")
        }
    }
}

extension CatalogProblem.CodeKind {
    /// The word for the kind, as messages use it.
    var words: LocalizedText {
        switch self {
        case .country: LocalizedText(ar: "بلد", fr: "pays", en: "country")
        case .municipality: LocalizedText(ar: "بلدية", fr: "commune", en: "municipality")
        case .sector: LocalizedText(ar: "قطاع", fr: "secteur", en: "sector")
        case .office: LocalizedText(ar: "مكتب", fr: "bureau", en: "office")
        case .service: LocalizedText(ar: "خدمة", fr: "service", en: "service")
        case .field: LocalizedText(ar: "حقل", fr: "champ", en: "field")
        case .choice: LocalizedText(ar: "خيار", fr: "choix", en: "choice")
        case .document: LocalizedText(ar: "وثيقة", fr: "document", en: "document")
        case .holiday: LocalizedText(ar: "عطلة", fr: "jour férié", en: "holiday")
        case .fee: LocalizedText(ar: "رسم", fr: "frais", en: "fee")
        case .stage: LocalizedText(ar: "مرحلة", fr: "phase", en: "stage")
        case .step: LocalizedText(ar: "خطوة", fr: "étape", en: "step")
        case .currency: LocalizedText(ar: "عملة", fr: "devise", en: "currency")
        case .phoneCountryCode: LocalizedText(ar: "مفتاح هاتف دولي", fr: "indicatif", en: "calling")
        }
    }

    /// The form its codes take, as messages explain it.
    fileprivate var form: LocalizedText {
        switch self {
        case .country:
            LocalizedText(
                ar: "حرفان لاتينيان كبيران (LY)", fr: "deux lettres majuscules (LY)",
                en: "two capital letters (LY)")
        case .municipality, .currency:
            LocalizedText(
                ar: "ثلاثة أحرف لاتينية كبيرة (TRP)", fr: "trois lettres majuscules (TRP)",
                en: "three capital letters (TRP)")
        case .sector, .service:
            LocalizedText(
                ar: "حرف لاتيني صغير ثم من 1 إلى 62 حرفاً صغيراً أو رقماً أو _ (building_permit)",
                fr: "une minuscule puis 1 à 62 minuscules, chiffres ou _ (building_permit)",
                en: "a lower-case letter, then 1 to 62 lower-case letters, digits or _ (building_permit)")
        case .field, .choice, .document:
            LocalizedText(
                ar: "حرف لاتيني صغير ثم حتى 62 حرفاً صغيراً أو رقماً أو _ (parcel_number)",
                fr: "une minuscule puis jusqu'à 62 minuscules, chiffres ou _ (parcel_number)",
                en: "a lower-case letter, then up to 62 lower-case letters, digits or _ (parcel_number)")
        case .office:
            LocalizedText(
                ar: "ثلاثة أحرف كبيرة، شرطة، ثم من 2 إلى 40 حرفاً كبيراً أو رقماً أو _ (TRP-URBAN_PLANNING)",
                fr: "trois majuscules, un tiret, puis 2 à 40 majuscules, chiffres ou _ (TRP-URBAN_PLANNING)",
                en: "three capital letters, a dash, then 2 to 40 capital letters, digits or _ (TRP-URBAN_PLANNING)")
        case .phoneCountryCode:
            LocalizedText(
                ar: "من 1 إلى 3 أرقام لا تبدأ بصفر (218)", fr: "1 à 3 chiffres sans 0 initial (218)",
                en: "1 to 3 digits, the first not 0 (218)")
        case .holiday, .fee, .stage, .step:
            LocalizedText(ar: "", fr: "", en: "")
        }
    }
}

extension CatalogProblem.Use {
    /// `12 requests, 3 staff members and its audit trail refer to it`, in each language.
    fileprivate static func list(_ uses: [CatalogProblem.Use]) -> LocalizedText {
        let words = uses.map(\.words)
        func join(_ parts: [String], _ and: String, _ comma: String) -> String {
            parts.count <= 1 ? parts.joined() : parts.dropLast().joined(separator: comma) + and + parts.last!
        }
        return LocalizedText(
            ar: join(words.map(\.ar), " و", "، ") + " تشير إليه",
            fr: join(words.map(\.fr), " et ", ", ") + " y font référence",
            en: join(words.map(\.en), " and ", ", ") + " refer to it")
    }

    private var words: LocalizedText {
        switch self {
        case .requests(let count): LocalizedText(ar: "\(count) طلباً", fr: "\(count) demandes", en: "\(count) requests")
        case .tasks(let count): LocalizedText(ar: "\(count) مهمة", fr: "\(count) tâches", en: "\(count) tasks")
        case .staff(let count):
            LocalizedText(ar: "\(count) موظفاً", fr: "\(count) agents", en: "\(count) staff members")
        case .auditTrail:
            LocalizedText(ar: "سجل التدقيق", fr: "la piste d'audit", en: "its audit trail")
        case .disabledServices(let count):
            LocalizedText(
                ar: "\(count) خدمة معطّلة", fr: "\(count) services désactivés", en: "\(count) disabled services")
        }
    }
}

/// A value from the file in quotes, cut to 64 characters, without control or format characters.
private func quoted(_ text: String) -> String {
    let kept = text.unicodeScalars.filter { scalar in
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate, .unassigned, .privateUse: false
        default: true
        }
    }
    return "‘" + String(String.UnicodeScalarView(kept.prefix(64))) + (kept.count > 64 ? "…" : "") + "’"
}
