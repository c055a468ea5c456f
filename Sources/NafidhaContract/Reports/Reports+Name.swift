extension Reports {
    /// The reports an auditor can run.
    public enum Name: String, Codable, Sendable, CaseIterable {
        /// Completed requests, on-time share, median and p90 processing time, overdue open tasks.
        case sla
        /// Open tasks per queue by age in working days.
        case backlog
        /// Submissions and completions per day or week; actions per clerk.
        case throughput
        /// Forwards per (from sector, to sector).
        case misroutes
        /// Appeals filed, upheld, granted and decided on time per municipality and sector.
        case appeals
        /// Applicants' ratings per municipality, service and sector; their comments for supervisors.
        case satisfaction
        /// Payments and refunds per municipality, day and method; receipts cancelled (docs/payments.md).
        case payments
        /// Payment providers' callbacks against bills: matched, mismatched, unknown bill, not payable, duplicates.
        case reconciliation
    }
}
