import NafidhaContract

extension NafidhaError {
    /// 400 `municipality_required`: the `municipality` query parameter is missing or empty.
    public static let municipalityRequired = NafidhaError(
        .badRequest, code: "municipality_required",
        message: LocalizedText(
            ar: "يجب تحديد البلدية بالمعامل municipality (مثل ?municipality=TRP).",
            fr: "Indiquez la commune avec le paramètre municipality (par exemple ?municipality=TRP).",
            en: "Name the municipality with the municipality parameter (e.g. ?municipality=TRP)."
        )
    )

    /// 404 `unknown_municipality`: no municipality has this code.
    public static func unknownMunicipality(_ code: String) -> NafidhaError {
        NafidhaError(
            .notFound, code: "unknown_municipality",
            message: LocalizedText(
                ar: "لا توجد بلدية بالرمز \(quoted(code)).",
                fr: "Aucune commune n'a le code \(quoted(code)).",
                en: "No municipality has the code \(quoted(code))."
            )
        )
    }

    /// 404 `unknown_service`: no service has this code.
    public static func unknownService(_ code: String) -> NafidhaError {
        NafidhaError(
            .notFound, code: "unknown_service",
            message: LocalizedText(
                ar: "لا توجد خدمة بالرمز \(quoted(code)).",
                fr: "Aucun service n'a le code \(quoted(code)).",
                en: "No service has the code \(quoted(code))."
            )
        )
    }

    /// 404 `service_not_offered`: the service exists but is not offered in this municipality now.
    public static func serviceNotOffered(_ service: String, municipality: String) -> NafidhaError {
        NafidhaError(
            .notFound, code: "service_not_offered",
            message: LocalizedText(
                ar: "الخدمة \(quoted(service)) غير متاحة حالياً في البلدية \(quoted(municipality)).",
                fr:
                    "Le service \(quoted(service)) n'est pas proposé actuellement dans la commune \(quoted(municipality)).",
                en: "The service \(quoted(service)) is not offered in the municipality \(quoted(municipality)) now."
            )
        )
    }

    /// 503 `database_unavailable`: the database cannot be reached now; retrying later may succeed.
    public static let databaseUnavailable = NafidhaError(
        .unavailable, code: "database_unavailable",
        message: LocalizedText(
            ar: "قاعدة البيانات لا تستجيب حالياً؛ أعد المحاولة بعد قليل.",
            fr: "La base de données ne répond pas pour le moment ; réessayez dans un instant.",
            en: "The database does not answer right now; try again shortly."
        )
    )

    /// Echoes a code from the request in messages, cut short and stripped of control characters, so a hostile
    /// value cannot make the message huge or break a terminal.
    private static func quoted(_ code: String) -> String {
        let clean = code.unicodeScalars.filter { !$0.properties.generalCategory.isControl }
        let text = String(String.UnicodeScalarView(clean.prefix(64)))
        return "‘" + text + (clean.count > 64 ? "…" : "") + "’"
    }
}

extension Unicode.GeneralCategory {
    fileprivate var isControl: Bool {
        switch self {
        case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate, .unassigned, .privateUse: true
        default: false
        }
    }
}
