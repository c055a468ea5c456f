import NafidhaContract

/// The errors of queue listings, with stable codes (docs/clerks.md lists them); claims report the workflow
/// engine's (`WorkflowMessages`).
enum QueueErrors {
    static let invalidCursor = NafidhaError(
        .badRequest, code: "invalid_cursor",
        message: LocalizedText(
            ar: "مؤشر الصفحة غير صالح.", fr: "Le curseur de page n'est pas valide.",
            en: "The page cursor is not valid.")
    )
}
