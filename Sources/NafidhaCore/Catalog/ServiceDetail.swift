import NafidhaContract

/// Everything a citizen needs to apply for a service in a municipality now: the form, the documents, and the
/// workflow it resolves to there (with its SLA and fee).
public struct ServiceDetail: Sendable, Hashable {
    /// The service as listed, with the terms that apply in the municipality.
    public var summary: ServiceSummary
    /// The municipality the detail was resolved for.
    public var municipality: String
    /// The form's fields, in display order.
    public var fields: [FormField]
    /// The documents to provide, in display order.
    public var documents: [RequiredDocument]
    /// The resolved workflow.
    public var workflow: ResolvedWorkflow
    /// Names of the sectors the workflow's steps go to.
    public var sectorNames: [String: LocalizedText]
    /// Names of the offices the workflow's steps go to.
    public var officeNames: [String: LocalizedText]
}
