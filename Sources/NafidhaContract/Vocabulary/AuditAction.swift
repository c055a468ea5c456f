/// What an audit event records; the database's CHECK constraint lists the same words.
public enum AuditAction: String, Sendable, CaseIterable, Codable {
    case submitted
    case taskOpened = "task_opened"
    case claimed
    case released
    case approved
    case rejected
    case informationRequested = "information_requested"
    case citizenReplied = "citizen_replied"
    case forwarded
    case escalated
    case cancelled
    case personalDataViewed = "personal_data_viewed"
    case noteAdded = "note_added"
    case webhookCreated = "webhook_created"
    case webhookDeleted = "webhook_deleted"
    /// A request was decided (approved or rejected); the details are the decision's facts (docs/verification.md).
    case decided
    /// A catalog file was applied: one event per municipality that existed before it (docs/catalog.md).
    case catalogApplied = "catalog_applied"
    /// A bill was issued for a request with a fee (docs/payments.md).
    case billCreated = "bill_created"
    /// A bill was paid, at a counter or by a provider's callback.
    case billPaid = "bill_paid"
    /// A supervisor cancelled a counter receipt; its bill is unpaid again.
    case receiptCancelled = "receipt_cancelled"
    /// A paid request was rejected or cancelled: its bill is to be refunded.
    case refundDue = "refund_due"
    /// A cashier recorded the refund of a bill.
    case refunded
    /// A provider's callback named a bill, amount or currency that did not match; nothing was paid.
    case callbackRejected = "callback_rejected"
    /// An unpaid bill passed its due date: its bill and request were cancelled.
    case billCancelled = "bill_cancelled"
}
