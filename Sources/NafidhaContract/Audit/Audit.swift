/// The audit trail's live check (`GET /v1/audit/verify`) and its exports (`GET /v1/audit/export` and the export's
/// manifest), docs/audit.md.
public enum Audit {
    /// The response header of `GET /v1/audit/export` naming the export, for `GET /v1/audit/export/manifest`.
    public static let exportIDHeader = "Nafidha-Export-Id"
}
