/// Why a decision document does not verify: a stable name (docs/verification.md lists them, and the Python
/// verifier prints the same ones) and a sentence.
public struct DecisionProblem: Error, Hashable, Sendable, CustomStringConvertible {
    /// The problem's name, e.g. `inclusion_proof_invalid`.
    public let name: String
    /// What it means.
    public let description: String

    private init(_ name: String, _ description: String) {
        self.name = name
        self.description = description
    }

    /// The document is not `nafidha-decision-v1`.
    public static let unsupportedFormat = DecisionProblem("unsupported_format", "the document's format is unknown")
    /// The checkpoint is not a signed note holding a checkpoint.
    public static let malformedCheckpoint = DecisionProblem(
        "malformed_checkpoint", "the checkpoint is not a signed checkpoint note")
    /// The checkpoint is not of the event's municipality's log (or not under the trusted key's name).
    public static let originMismatch = DecisionProblem(
        "origin_mismatch", "the checkpoint is not of the log of the event's municipality")
    /// No signature of the trusted key verifies on the checkpoint.
    public static let checkpointSignatureInvalid = DecisionProblem(
        "checkpoint_signature_invalid", "the checkpoint is not signed by the trusted key")
    /// The document's tree size is not the checkpoint's.
    public static let treeSizeMismatch = DecisionProblem(
        "tree_size_mismatch", "the proof's tree size is not the checkpoint's")
    /// The event is not a request's `decided` event.
    public static let notADecision = DecisionProblem("not_a_decision", "the event is not a request's decision")
    /// The leaf index is not the event's `seq − 1`.
    public static let leafIndexMismatch = DecisionProblem(
        "leaf_index_mismatch", "the leaf index is not the event's place in its chain")
    /// The event is not the leaf the inclusion proof leads from, to the checkpoint's root.
    public static let inclusionProofInvalid = DecisionProblem(
        "inclusion_proof_invalid", "the inclusion proof does not lead from the event to the checkpoint's root")
    /// The facts are not exactly the event's details.
    public static let factsMismatch = DecisionProblem("facts_mismatch", "the facts are not the event's details")
    /// The verification code is malformed.
    public static let codeMalformed = DecisionProblem("code_malformed", "the verification code is malformed")
    /// The verification code names another municipality, request or leaf.
    public static let codeMismatch = DecisionProblem(
        "code_mismatch", "the verification code names another decision")
    /// The verification code's signature is not the trusted key's over this leaf.
    public static let codeSignatureInvalid = DecisionProblem(
        "code_signature_invalid", "the verification code is not signed by the trusted key for this decision")
    /// The newer checkpoint given for comparison is malformed, of another log or not signed by the trusted key.
    public static let newerCheckpointInvalid = DecisionProblem(
        "newer_checkpoint_invalid", "the newer checkpoint is not a signed checkpoint of the same log")
    /// The document's checkpoint is not a past state of the log the newer checkpoint describes (a fork).
    public static let checkpointsInconsistent = DecisionProblem(
        "checkpoints_inconsistent", "the checkpoint is not consistent with the log's newer checkpoint")
}
