/// The signed audit log of each municipality (docs/verification.md): the log's public key
/// (`GET /v1/audit/public-key`), its signed checkpoints (`GET /v1/audit/checkpoints`) and consistency proofs between
/// them (`GET /v1/audit/proofs/consistency`). Public: a verifier needs no account.
public enum SignedLog {}
