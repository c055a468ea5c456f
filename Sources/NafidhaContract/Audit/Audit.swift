/// The audit trail's live check: `GET /v1/audit/verify` (docs/audit.md).
public enum Audit {}
