import NafidhaContract

/// The errors the workflow engine and the tracking service report, in Arabic, French and English.
enum WorkflowMessages {
    /// 404 for an unknown task and for a task outside the caller's scope alike, so ids cannot be probed.
    static let taskNotFound = NafidhaError(
        .notFound, code: "task_not_found",
        message: LocalizedText(
            ar: "لا توجد مهمة بهذا الرقم في نطاقك.", fr: "Aucune tâche de ce numéro dans votre périmètre.",
            en: "No task with this number is in your scope.")
    )

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

/// The errors of claims, notes and the staff view of a request (docs/clerks.md lists them).
extension WorkflowMessages {
    static let queueEmpty = NafidhaError(
        .notFound, code: "queue_empty",
        message: LocalizedText(
            ar: "لا توجد مهمة مفتوحة في طوابيرك.", fr: "Aucune tâche ouverte dans vos files.",
            en: "No open task is waiting in your queues.")
    )

    static func taskClaimed(by assignee: String) -> NafidhaError {
        NafidhaError(
            .conflict, code: "task_claimed",
            message: LocalizedText(
                ar: "المهمة محجوزة لدى \(assignee).", fr: "La tâche est prise par \(assignee).",
                en: "The task is claimed by \(assignee).")
        )
    }

    static func taskNotOpen(_ status: TaskStatus) -> NafidhaError {
        NafidhaError(
            .conflict, code: "task_not_open",
            message: LocalizedText(
                ar: "لا يمكن حجز مهمة حالتها \(status.rawValue).",
                fr: "Une tâche au statut \(status.rawValue) ne peut être prise.",
                en: "A task whose status is \(status.rawValue) cannot be claimed.")
        )
    }

    static let taskNotClaimed = NafidhaError(
        .conflict, code: "task_not_claimed",
        message: LocalizedText(
            ar: "المهمة غير محجوزة.", fr: "La tâche n'est pas prise.", en: "The task is not claimed.")
    )

    /// 404 for an unknown request and for one the staff member may not see alike.
    static let staffRequestNotFound = NafidhaError(
        .notFound, code: "request_not_found",
        message: LocalizedText(
            ar: "لا يوجد طلب بهذا الرقم في نطاقك.", fr: "Aucune demande de ce numéro dans votre périmètre.",
            en: "No request with this number is in your scope.")
    )

    /// 409: a public note on a request that is approved, rejected or cancelled would reach a citizen whose request
    /// is closed; internal notes stay allowed.
    static let requestClosed = NafidhaError(
        .conflict, code: "request_closed",
        message: LocalizedText(
            ar: "الطلب مغلق؛ لا تُضاف إليه ملاحظات علنية.",
            fr: "La demande est close : on n'y ajoute plus de note publique.",
            en: "The request is closed: public notes can no longer be added.")
    )

    /// 422 for an empty or too long note.
    static let invalidNote = NafidhaError(
        .validationFailed, code: "validation_failed",
        message: LocalizedText(
            ar: "الطلب غير صالح.", fr: "La demande n'est pas valide.", en: "The request is invalid."),
        fields: [
            "text": LocalizedText(
                ar: "نص الملاحظة مطلوب، 4000 حرف على الأكثر.",
                fr: "Le texte de la note est obligatoire, 4000 caractères au plus.",
                en: "The note's text is required, at most 4000 characters."
            )
        ]
    )
}
