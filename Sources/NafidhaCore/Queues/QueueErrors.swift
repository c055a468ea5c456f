import NafidhaContract

/// The errors of queues and claims, with stable codes (docs/clerks.md lists them).
enum QueueErrors {
    static let invalidCursor = NafidhaError(
        .badRequest, code: "invalid_cursor",
        message: LocalizedText(
            ar: "مؤشر الصفحة غير صالح.", fr: "Le curseur de page n'est pas valide.",
            en: "The page cursor is not valid.")
    )

    static let taskNotFound = NafidhaError(
        .notFound, code: "task_not_found",
        message: LocalizedText(
            ar: "لا توجد مهمة بهذا الرقم في نطاقك.", fr: "Aucune tâche de ce numéro dans votre périmètre.",
            en: "No task with this number is in your scope.")
    )

    static let queueEmpty = NafidhaError(
        .notFound, code: "queue_empty",
        message: LocalizedText(
            ar: "لا توجد مهمة مفتوحة في طوابيرك.", fr: "Aucune tâche ouverte dans vos files.",
            en: "No open task is waiting in your queues.")
    )

    static let taskChanged = NafidhaError(
        .conflict, code: "task_changed",
        message: LocalizedText(
            ar: "تغيّرت المهمة منذ أن قرأتها؛ أعد عرضها ثم حاول مجددًا.",
            fr: "La tâche a changé depuis votre lecture ; relisez-la puis réessayez.",
            en: "The task changed since you read it; read it again, then retry."
        )
    )

    static func taskClaimed(by assignee: String) -> NafidhaError {
        NafidhaError(
            .conflict, code: "task_claimed",
            message: LocalizedText(
                ar: "المهمة محجوزة لدى \(assignee).", fr: "La tâche est prise par \(assignee).",
                en: "The task is claimed by \(assignee).")
        )
    }

    static func taskNotOpen(_ status: String) -> NafidhaError {
        NafidhaError(
            .conflict, code: "task_not_open",
            message: LocalizedText(
                ar: "لا يمكن حجز مهمة حالتها \(status).", fr: "Une tâche au statut \(status) ne peut être prise.",
                en: "A task whose status is \(status) cannot be claimed.")
        )
    }

    static let notAssignee = NafidhaError(
        .forbidden, code: "not_assignee",
        message: LocalizedText(
            ar: "لست من يحجز هذه المهمة.", fr: "Vous ne détenez pas cette tâche.",
            en: "You do not hold this task.")
    )

    static let notClaimed = NafidhaError(
        .conflict, code: "task_not_claimed",
        message: LocalizedText(
            ar: "المهمة غير محجوزة.", fr: "La tâche n'est pas prise.", en: "The task is not claimed.")
    )
}
