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
    /// The applicant appealed a rejection (docs/appeals.md).
    case appealed
    /// A supervisor upheld the rejection an appeal contested: it stands.
    case appealUpheld = "appeal_upheld"
    /// A supervisor granted an appeal: the rejected stage reopens.
    case appealGranted = "appeal_granted"
    /// The applicant rated a decided request (docs/citizens.md); the details hold the score, never the comment.
    case rated
    /// A clerk hid, redacted or released a public text; the details name the moderation row (docs/open311.md).
    case moderated
    /// A supporting document was attached to a request (at submission or in a reply); the details carry its code,
    /// size, media type and SHA-256, never its bytes or file name (docs/documents.md).
    case documentAttached = "document_attached"
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
