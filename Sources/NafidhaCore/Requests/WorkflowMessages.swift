import NafidhaContract

/// The errors the workflow engine and the tracking service report, in Arabic, French and English.
enum WorkflowMessages {
    static func taskNotFound() -> NafidhaError {
        NafidhaError(
            .notFound, code: "task_not_found",
            message: LocalizedText(
                ar: "لا توجد مهمة بهذا المعرّف.", fr: "Aucune tâche ne porte cet identifiant.",
                en: "There is no task with this id."
            ))
    }

    static func taskChanged() -> NafidhaError {
        NafidhaError(
            .conflict, code: "task_changed",
            message: LocalizedText(
                ar: "تغيّرت المهمة منذ أن اطّلعت عليها؛ أعد تحميلها ثم حاول مجددًا.",
                fr: "La tâche a changé depuis votre lecture ; rechargez-la puis réessayez.",
                en: "The task changed since you read it; reload it and try again."
            ))
    }

    static func invalidTransition(from status: String, action: String) -> NafidhaError {
        NafidhaError(
            .conflict, code: "invalid_transition",
            message: LocalizedText(
                ar: "لا يمكن تنفيذ «\(action)» على مهمة حالتها «\(status)».",
                fr: "Impossible de faire « \(action) » sur une tâche à l'état « \(status) ».",
                en: "Cannot \(action) a task that is \(status)."
            ))
    }

    static func requestNotCancellable(status: String) -> NafidhaError {
        NafidhaError(
            .conflict, code: "invalid_transition",
            message: LocalizedText(
                ar: "لا يمكن إلغاء الطلب: حالته «\(status)» أو صدر فيه قرار.",
                fr: "La demande ne peut plus être annulée : elle est « \(status) » ou une décision a été prise.",
                en: "The request can no longer be cancelled: it is \(status) or a decision has been made."
            ))
    }

    static func nothingAwaitsCitizen() -> NafidhaError {
        NafidhaError(
            .conflict, code: "nothing_awaiting_citizen",
            message: LocalizedText(
                ar: "لا ينتظر الطلب أي معلومات منك حاليًا.",
                fr: "La demande n'attend aucune information de votre part.",
                en: "The request is not waiting for any information from you."
            ))
    }

    static func notAssignee() -> NafidhaError {
        NafidhaError(
            .forbidden, code: "not_assignee",
            message: LocalizedText(
                ar: "هذه المهمة ليست مسندة إليك.", fr: "Cette tâche ne vous est pas attribuée.",
                en: "This task is not assigned to you."
            ))
    }

    static func actorNotAllowed() -> NafidhaError {
        NafidhaError(
            .forbidden, code: "actor_not_allowed",
            message: LocalizedText(
                ar: "لا يحق لهذا الطرف تنفيذ هذا الإجراء.", fr: "Cet acteur ne peut pas faire cette action.",
                en: "This actor may not perform this action."
            ))
    }

    static func requestNotFound() -> NafidhaError {
        NafidhaError(
            .notFound, code: "request_not_found",
            message: LocalizedText(
                ar: "لا يوجد طلب بهذا الرقم ورمز الوصول.",
                fr: "Aucune demande ne correspond à ce numéro et à ce jeton.",
                en: "No request matches this tracking number and access token."
            ))
    }

    static func invalidField(_ field: String, _ reason: LocalizedText) -> NafidhaError {
        NafidhaError(
            .validationFailed, code: "validation_failed",
            message: LocalizedText(
                ar: "الطلب غير صالح.", fr: "La demande n'est pas valide.", en: "The request is invalid."
            ), fields: [field: reason])
    }

    static let required = LocalizedText(
        ar: "هذا الحقل مطلوب.", fr: "Ce champ est obligatoire.", en: "This field is required.")

    static func tooLong(_ limit: Int) -> LocalizedText {
        LocalizedText(
            ar: "النص أطول من \(limit) حرفًا.", fr: "Le texte dépasse \(limit) caractères.",
            en: "The text is longer than \(limit) characters.")
    }

    static let noOffice = LocalizedText(
        ar: "لا يوجد مكتب لهذا القطاع في البلدية.", fr: "Ce secteur n'a pas de bureau dans la commune.",
        en: "This sector has no office in the municipality."
    )

    static let sameQueue = LocalizedText(
        ar: "المهمة موجودة أصلًا في هذه القائمة.", fr: "La tâche est déjà dans cette file.",
        en: "The task is already in this queue."
    )

    static let unsupportedValue = LocalizedText(
        ar: "القيم المقبولة: نص أو عدد أو قيمة منطقية.",
        fr: "Valeurs acceptées : texte, nombre ou booléen.",
        en: "Accepted values: text, numbers or booleans."
    )

    static func tooMany(_ limit: Int) -> LocalizedText {
        LocalizedText(
            ar: "أكثر من \(limit) عنصرًا.", fr: "Plus de \(limit) éléments.", en: "More than \(limit) entries.")
    }

    static let storedDataInvalid = LocalizedText(
        ar: "بيانات مخزّنة غير متوقعة.", fr: "Données enregistrées inattendues.", en: "Unexpected stored data."
    )
}
