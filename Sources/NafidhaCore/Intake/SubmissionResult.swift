import NafidhaContract

/// A submission's outcome: the receipt, and whether it replays an earlier identical submission.
public struct SubmissionResult: Sendable, Equatable {
    /// The answer (for a replay, the first answer again).
    public var receipt: Intake.Receipt
    /// True when the same Idempotency-Key and body had already created this request.
    public var replayed: Bool
}
