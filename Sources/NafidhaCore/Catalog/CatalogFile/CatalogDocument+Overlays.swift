extension CatalogDocument {
    /// A municipality's overlay of a service's terms, in force on `[validFrom, validTo)`.
    struct ServiceOverlay: Sendable, Equatable {
        var service: String
        var municipality: String
        /// Microseconds since 1970.
        var validFrom: Int64
        /// Microseconds since 1970; nil for open-ended.
        var validTo: Int64?
        /// False disables the service there; nil keeps it as the catalog says.
        var enabled: Bool?
        var slaDays: Int?
        /// Replaces the country's fee there.
        var fee: Money?
        /// The legal basis, for people.
        var note: String

        /// What identifies it: two overlays of one service and municipality never overlap, so never start together.
        var key: ServiceOverlayKey {
            ServiceOverlayKey(service: service, municipality: municipality, validFrom: validFrom)
        }
    }

    /// A municipality's overlay of one workflow step, in force on `[validFrom, validTo)`.
    struct StepOverlay: Sendable, Equatable {
        var service: String
        var municipality: String
        var stage: Int
        var step: Int
        var validFrom: Int64
        var validTo: Int64?
        /// Reroutes the step to this sector (its municipal office, unless `office` is named).
        var sector: String?
        var office: String?
        var slaDays: Int?
        var note: String

        /// What identifies it.
        var key: StepOverlayKey {
            StepOverlayKey(service: service, municipality: municipality, stage: stage, step: step, validFrom: validFrom)
        }
    }

    /// A service overlay's identity.
    struct ServiceOverlayKey: Hashable, Sendable {
        var service: String
        var municipality: String
        var validFrom: Int64
    }

    /// A step overlay's identity.
    struct StepOverlayKey: Hashable, Sendable {
        var service: String
        var municipality: String
        var stage: Int
        var step: Int
        var validFrom: Int64
    }
}
