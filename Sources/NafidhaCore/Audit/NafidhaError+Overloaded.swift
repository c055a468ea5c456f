import NafidhaContract

extension NafidhaError {
    /// 503 `overloaded`: the audit verifiers (`AuditVerificationQueue`) or the export slots (`AuditExportService`)
    /// cannot take the call now; the API adds `Retry-After`.
    public static let overloaded = NafidhaError(.overloaded)
}
