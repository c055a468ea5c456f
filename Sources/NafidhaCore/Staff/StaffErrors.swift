import NafidhaContract

/// The errors of staff accounts, tokens and authorization, with stable codes (docs/clerks.md lists them).
enum StaffErrors {
    static let invalidToken = NafidhaError(
        .unauthenticated, code: "invalid_token",
        message: LocalizedText(
            ar: "رمز الدخول مفقود أو غير صالح أو منتهي الصلاحية أو ملغى.",
            fr: "Le jeton est absent, invalide, expiré ou révoqué.",
            en: "The token is missing, invalid, expired or revoked."
        )
    )

    static let readOnlyRole = NafidhaError(
        .forbidden, code: "read_only_role",
        message: LocalizedText(
            ar: "هذا الدور يطّلع فقط ولا يغيّر شيئًا.",
            fr: "Ce rôle consulte seulement et ne modifie rien.",
            en: "This role reads only and changes nothing."
        )
    )

    static let supervisorOnly = NafidhaError(
        .forbidden, code: "supervisor_only",
        message: LocalizedText(
            ar: "هذا الإجراء مقصور على المشرفين.",
            fr: "Cette action est réservée aux superviseurs.",
            en: "Only a supervisor may do this."
        )
    )

    static func outOfScope(_ what: String) -> NafidhaError {
        NafidhaError(
            .forbidden, code: "out_of_scope",
            message: LocalizedText(
                ar: "هذا خارج نطاق صلاحياتك: \(what).",
                fr: "Hors de votre périmètre : \(what).",
                en: "This is outside your scope: \(what)."
            )
        )
    }

    static func invalidStaff(_ reason: String) -> NafidhaError {
        NafidhaError(
            .validationFailed, code: "invalid_staff",
            message: LocalizedText(
                ar: "بيانات الموظف غير صالحة: \(reason)", fr: "Agent invalide : \(reason)",
                en: "Invalid staff member: \(reason)")
        )
    }

    static func staffNotFound(_ name: String) -> NafidhaError {
        NafidhaError(
            .notFound, code: "staff_not_found",
            message: LocalizedText(
                ar: "لا يوجد موظف باسم \(name).", fr: "Aucun agent nommé \(name).",
                en: "No staff member is named \(name).")
        )
    }

    static let staffExists = NafidhaError(
        .conflict, code: "staff_exists",
        message: LocalizedText(
            ar: "يوجد موظف بهذا الاسم.", fr: "Un agent porte déjà ce nom.",
            en: "A staff member with this name exists.")
    )
}

extension StaffErrors {
    /// 409: a deactivated staff member cannot be handed work (docs/clerks.md, reassign).
    static func staffInactive(_ name: String) -> NafidhaError {
        NafidhaError(
            .conflict, code: "staff_inactive",
            message: LocalizedText(
                ar: "الموظف \(name) موقوف ولا تُسند إليه مهام.",
                fr: "L'agent \(name) est désactivé : aucune tâche ne peut lui être confiée.",
                en: "The staff member \(name) is deactivated and cannot be given tasks.")
        )
    }
}
