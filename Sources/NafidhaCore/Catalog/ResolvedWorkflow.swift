import Foundation

/// What `resolve_service` decided for a service in a municipality at an instant: the stages and steps with the
/// office each step goes to, the SLA and the fee. A request keeps it as its snapshot, so later catalog changes never
/// rewrite history. Its JSON form (snake_case keys) is the database's jsonb, field for field.
public struct ResolvedWorkflow: Sendable, Hashable, Codable {
    /// The service code.
    public var service: String
    /// The municipality code.
    public var municipality: String
    /// The instant the catalog and its overlays were read at.
    public var resolvedAt: Date
    /// The SLA of the whole request in working days, after overlays.
    public var slaDays: Int
    /// The fee after overlays (0 when free), in `currency`.
    public var fee: Decimal
    /// ISO 4217 code of the municipality's country currency.
    public var currency: String
    /// The id of the service overlay in force, if any.
    public var overlay: Int64?
    /// The stages, in the order they run.
    public var stages: [Stage]

    /// One stage: its steps run in parallel, and the stage is done when all of them are approved.
    public struct Stage: Sendable, Hashable, Codable {
        /// 1-based position of the stage.
        public var stage: Int
        /// The steps of the stage, in step order.
        public var steps: [Step]
    }

    /// One step: the sector that must act and the office whose queue receives it.
    public struct Step: Sendable, Hashable, Codable {
        /// The catalog's step number within its stage.
        public var step: Int
        /// The sector that acts (after rerouting overlays).
        public var sector: String
        /// The office whose queue gets the task: named by the catalog or an overlay, else the municipality's own.
        public var office: String
        /// Working days the step has once it opens.
        public var slaDays: Int
        /// The id of the step overlay in force, if any.
        public var overlay: Int64?

        enum CodingKeys: String, CodingKey {
            case step, sector, office, overlay
            case slaDays = "sla_days"
        }
    }

    enum CodingKeys: String, CodingKey {
        case service, municipality, fee, currency, overlay, stages
        case resolvedAt = "resolved_at"
        case slaDays = "sla_days"
    }
}
