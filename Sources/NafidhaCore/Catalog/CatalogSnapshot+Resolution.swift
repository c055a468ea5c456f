import Foundation

extension CatalogSnapshot {
    /// The workflow of `service` in `municipality` at `instant`, decided as the database's `resolve_service`
    /// decides it (migrations/0002_single_window.sql), or nil when the service is not offered there then (unknown
    /// service or municipality, a disabled service, disabled there by an overlay, no step, or a step with no office
    /// to go to).
    ///
    /// Overlays are in force on `[valid_from, valid_to)`, compared in whole microseconds as PostgreSQL compares
    /// them; a test holds this to `CatalogService.resolveWorkflow` for every service and municipality.
    public func resolveWorkflow(service code: String, municipality: String, at instant: Date) -> ResolvedWorkflow? {
        guard let service = services[code], service.active, let countryCode = municipalities[municipality],
            let country = countries[countryCode]
        else { return nil }
        let now = Self.microseconds(instant)
        let target = Pair(first: code, second: municipality)
        let overlay = serviceOverlays[target]?.first { Self.inForce(now, from: $0.validFrom, to: $0.validTo) }
        guard overlay?.enabled ?? true, !service.steps.isEmpty else { return nil }

        var stages: [ResolvedWorkflow.Stage] = []
        var stageNo: Int?
        for step in service.steps {
            let stepOverlay = stepOverlays[target]?.first {
                $0.stageNo == step.stageNo && $0.stepNo == step.stepNo
                    && Self.inForce(now, from: $0.validFrom, to: $0.validTo)
            }
            let sector = stepOverlay?.sector ?? step.sector
            // A rerouted sector drops the catalog's office: the step goes to the new sector's office instead.
            let named = stepOverlay?.office ?? (stepOverlay?.sector == nil ? step.office : nil)
            guard let office = named ?? municipalOffices[Pair(first: municipality, second: sector)] else {
                return nil
            }
            let resolved = ResolvedWorkflow.Step(
                step: step.stepNo, sector: sector, office: office, slaDays: stepOverlay?.slaDays ?? step.slaDays,
                overlay: stepOverlay?.id
            )
            // Steps come in stage then step order; stages are numbered 1, 2, 3, ... whatever the catalog's numbers.
            if step.stageNo == stageNo {
                stages[stages.count - 1].steps.append(resolved)
            } else {
                stages.append(ResolvedWorkflow.Stage(stage: stages.count + 1, steps: [resolved]))
                stageNo = step.stageNo
            }
        }
        return ResolvedWorkflow(
            service: code, municipality: municipality, resolvedAt: instant,
            slaDays: overlay?.slaDays ?? service.slaDays,
            fee: overlay?.fee ?? fees[Pair(first: code, second: countryCode)] ?? 0, currency: country.currency,
            overlay: overlay?.id, stages: stages
        )
    }

    /// Whether an overlay valid on `[from, to)` applies at `now` (all in microseconds; `to` nil is open-ended).
    private static func inForce(_ now: Int64, from: Int64, to: Int64?) -> Bool {
        from <= now && (to.map { now < $0 } ?? true)
    }
}
