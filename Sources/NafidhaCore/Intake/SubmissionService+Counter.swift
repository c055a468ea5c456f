import Foundation
import NafidhaContract

/// Assisted filing at the counter (docs/counter.md): a clerk or supervisor files a request for a citizen who came
/// to the municipality's window, through the same validation and the same one statement as the citizen's own.
extension SubmissionService {
    /// Files `submission` for a citizen at the counter: channel `counter`, the `submitted` audit event by `member`
    /// (actor kind `clerk`, details `filed_by` and `filed_for`), the citizen's receipt (tracking number and access
    /// token) in the answer. An `idempotencyKey` works as on the citizen's route.
    /// - Throws: 403 `read_only_role` (auditors and admins), 403 `out_of_scope` (a municipality outside the
    ///   member's), and every error of `submit(_:channel:idempotencyKey:language:at:)`.
    public func file(
        _ submission: Submission, atCounter member: StaffMember, idempotencyKey: String?,
        language: Language = .fallback, at instant: Date = Date()
    ) throws -> SubmissionResult {
        try member.requireActsOnTasks()
        // A municipality that is not a string, or is missing, is the validator's to report with the rest.
        if let municipality = SubmissionValidator.codes(of: submission.body).municipality {
            try member.requireScope(municipality: municipality, sector: nil)
        }
        return try submit(
            submission, channel: .counter, idempotencyKey: idempotencyKey, application: nil, clerk: member.name,
            language: language, at: instant)
    }
}
