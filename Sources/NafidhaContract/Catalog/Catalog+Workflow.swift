import Foundation

extension Catalog {
    /// The workflow a service resolves to in a municipality now: stages one after the other, the steps of a stage
    /// in parallel.
    public struct Workflow: Codable, Sendable, Equatable {
        /// When the catalog and its overlays were read.
        public var resolvedAt: Date
        /// Working days for the whole request.
        public var slaDays: Int
        /// The fee there now, in `currency`, as a JSON number; 0 is free. Kept for one release: read `amount`.
        public var fee: Decimal
        /// The fee as a decimal text with exactly the currency's decimals (`"12.500"`, `"2000"`); absent only for a
        /// currency Nafidha does not know the decimals of.
        public var amount: String?
        /// The fee in the currency's minor units (docs/payments.md).
        public var amountMinor: Int64?
        /// ISO 4217.
        public var currency: String
        /// The stages in order.
        public var stages: [Stage]

        /// A resolved workflow.
        public init(resolvedAt: Date, slaDays: Int, fee: Decimal, currency: String, stages: [Stage]) {
            self.resolvedAt = resolvedAt
            self.slaDays = slaDays
            self.fee = fee
            let money = Money(major: fee, currency: currency)
            amount = money?.amount
            amountMinor = money?.amountMinor
            self.currency = currency
            self.stages = stages
        }

        enum CodingKeys: String, CodingKey {
            case fee, amount, currency, stages
            case amountMinor = "amount_minor"
            case resolvedAt = "resolved_at"
            case slaDays = "sla_days"
        }
    }

    /// One stage: its steps run in parallel.
    public struct Stage: Codable, Sendable, Equatable {
        /// 1-based position.
        public var stage: Int
        /// Its steps.
        public var steps: [Step]

        /// A stage.
        public init(stage: Int, steps: [Step]) {
            self.stage = stage
            self.steps = steps
        }
    }

    /// One step: the sector that acts and the office whose queue receives it.
    public struct Step: Codable, Sendable, Equatable {
        /// The sector's code (after any rerouting overlay).
        public var sector: String
        /// Its name in the negotiated language.
        public var sectorName: String?
        /// The office's code.
        public var office: String
        /// Its name in the negotiated language.
        public var officeName: String?
        /// Working days the step has once it opens.
        public var slaDays: Int

        /// A step.
        public init(sector: String, sectorName: String?, office: String, officeName: String?, slaDays: Int) {
            self.sector = sector
            self.sectorName = sectorName
            self.office = office
            self.officeName = officeName
            self.slaDays = slaDays
        }

        enum CodingKeys: String, CodingKey {
            case sector, office
            case sectorName = "sector_name"
            case officeName = "office_name"
            case slaDays = "sla_days"
        }
    }
}
