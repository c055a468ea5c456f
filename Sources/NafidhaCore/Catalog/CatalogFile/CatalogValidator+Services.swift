import Foundation
import NafidhaContract

extension CatalogValidator {
    func checkServices() {
        let path = JSONPath.root.appending("services")
        unique(document.services.map(\.code), .service, at: path, member: "code")
        for (index, service) in document.services.enumerated() {
            let here = path.appending(index)
            known(service.sector, in: sectors, .sector, at: here.appending("sector"))
            unique(service.fees.map(\.country), .fee, at: here.appending("fees"), member: "country")
            for (feeIndex, fee) in service.fees.enumerated() {
                let feePath = here.appending("fees").appending(feeIndex)
                guard known(fee.country, in: countries.keys, .country, at: feePath.appending("country")) else {
                    continue
                }
                checkMoney(fee.amount, country: fee.country, at: feePath)
            }
            checkFields(service.fields, at: here.appending("fields"))
            unique(service.documents.map(\.code), .document, at: here.appending("documents"), member: "code")
            checkWorkflow(service.workflow, at: here.appending("workflow"))
        }
    }

    private func checkFields(_ fields: [CatalogDocument.Field], at path: JSONPath) {
        unique(fields.map(\.code), .field, at: path, member: "code")
        for (index, field) in fields.enumerated() {
            let here = path.appending(index)
            guard let datatype = field.datatype else { continue }
            let isChoice = datatype == .singleChoice || datatype == .multipleChoice
            if isChoice && field.choices.isEmpty {
                log.add(.choicesRequired, at: here)
            } else if !isChoice && !field.choices.isEmpty {
                log.add(.choicesNotAllowed(datatype: datatype.rawValue), at: here.appending("choices"))
            }
            unique(field.choices.map(\.code), .choice, at: here.appending("choices"), member: "code")
            if field.maxLength != nil && datatype != .string && datatype != .text {
                log.add(.maxLengthNotAllowed(datatype: datatype.rawValue), at: here.appending("max_length"))
            }
            if datatype != .number {
                if field.minimum != nil {
                    log.add(.boundsNotAllowed(datatype: datatype.rawValue), at: here.appending("min"))
                }
                if field.maximum != nil {
                    log.add(.boundsNotAllowed(datatype: datatype.rawValue), at: here.appending("max"))
                }
            } else if let minimum = field.minimum, let maximum = field.maximum, minimum > maximum {
                log.add(.minimumAboveMaximum, at: here.appending("min"))
            }
        }
    }

    private func checkWorkflow(_ stages: [CatalogDocument.Stage], at path: JSONPath) {
        if stages.isEmpty || stages.contains(where: \.steps.isEmpty) { log.add(.emptyWorkflow, at: path) }
        unique(stages.map { String($0.number) }, .stage, at: path, member: "stage")
        for (index, stage) in stages.enumerated() {
            let steps = path.appending(index).appending("steps")
            unique(stage.steps.map { String($0.number) }, .step, at: steps, member: "step")
            for (stepIndex, step) in stage.steps.enumerated() {
                let here = steps.appending(stepIndex)
                known(step.sector, in: sectors, .sector, at: here.appending("sector"))
                if let office = step.office { checkOffice(office, sector: step.sector, at: here.appending("office")) }
            }
        }
    }

    /// A step's office: known, and serving the step's sector (its queue is that sector's).
    private func checkOffice(_ code: String, sector: String, country: String? = nil, at path: JSONPath) {
        guard known(code, in: offices.keys, .office, at: path), let office = offices[code] else { return }
        if office.sector != sector && sectors.contains(sector) {
            log.add(.officeOfOtherSector(office: code, sector: sector), at: path)
        } else if let country, office.country != country {
            log.add(.otherCountry(expected: country), at: path)
        }
    }

    /// An amount in `country`'s currency, a whole number of its minor units that `numeric(12, 3)` holds.
    private func checkMoney(_ money: CatalogDocument.Money, country: String, at path: JSONPath) {
        guard let expected = countries[country]?.currency, !money.currency.isEmpty else { return }
        if money.currency != expected {
            log.add(.currencyMismatch(expected: expected), at: path.appending("currency"))
            return
        }
        guard let exponent = CurrencyExponent.of(money.currency) else { return }
        let limit = (0..<exponent).reduce(1_000_000_000) { value, _ in value * 10 } - 1
        if !money.amountMinor.isWhole {
            log.add(.feePrecision(currency: money.currency, exponent: exponent), at: path.appending("amount_minor"))
        } else if money.amountMinor < 0 || money.amountMinor > Decimal(limit) {
            log.add(.outOfRange(0...limit), at: path.appending("amount_minor"))
        }
    }

    func checkServiceOverlays() {
        let path = JSONPath.root.appending("service_overlays")
        var byTarget: [[String]: [(Int, CatalogDocument.ServiceOverlay)]] = [:]
        for (index, overlay) in document.serviceOverlays.enumerated() {
            let here = path.appending(index)
            let service = known(overlay.service, in: services.keys, .service, at: here.appending("service"))
            let municipality = known(
                overlay.municipality, in: municipalities.keys, .municipality, at: here.appending("municipality"))
            checkValidity(from: overlay.validFrom, to: overlay.validTo, at: here)
            if overlay.enabled == nil && overlay.slaDays == nil && overlay.fee == nil {
                log.add(.emptyOverlay, at: here)
            }
            if let fee = overlay.fee, let country = municipalities[overlay.municipality]?.country {
                checkMoney(fee, country: country, at: here.appending("fee"))
            }
            if service && municipality && zoned.contains(overlay.municipality) {
                byTarget[[overlay.service, overlay.municipality], default: []].append((index, overlay))
            }
        }
        for overlays in byTarget.values {
            checkOverlaps(overlays.map { ($0.0, $0.1.validFrom, $0.1.validTo) }, in: path)
        }
    }

    func checkStepOverlays() {
        let path = JSONPath.root.appending("step_overlays")
        var byTarget: [[String]: [(Int, CatalogDocument.StepOverlay)]] = [:]
        for (index, overlay) in document.stepOverlays.enumerated() {
            let here = path.appending(index)
            let service = known(overlay.service, in: services.keys, .service, at: here.appending("service"))
            let municipality = known(
                overlay.municipality, in: municipalities.keys, .municipality, at: here.appending("municipality"))
            checkValidity(from: overlay.validFrom, to: overlay.validTo, at: here)
            if overlay.sector == nil && overlay.office == nil && overlay.slaDays == nil {
                log.add(.emptyOverlay, at: here)
            }
            if let sector = overlay.sector { known(sector, in: sectors, .sector, at: here.appending("sector")) }
            let step = services[overlay.service]?.workflow.first { $0.number == overlay.stage }?.steps.first {
                $0.number == overlay.step
            }
            if service && step == nil {
                log.add(.noSuchStep(stage: overlay.stage, step: overlay.step), at: here.appending("step"))
            }
            if let office = overlay.office, let step {
                checkOffice(
                    office, sector: overlay.sector ?? step.sector,
                    country: municipalities[overlay.municipality]?.country,
                    at: here.appending("office"))
            }
            if service && municipality && step != nil && zoned.contains(overlay.municipality) {
                byTarget[
                    [overlay.service, overlay.municipality, String(overlay.stage), String(overlay.step)], default: []
                ].append((index, overlay))
            }
        }
        for overlays in byTarget.values {
            checkOverlaps(overlays.map { ($0.0, $0.1.validFrom, $0.1.validTo) }, in: path)
        }
    }

    private func checkValidity(from: Int64, to: Int64?, at path: JSONPath) {
        if let to, to <= from { log.add(.endsBeforeStart, at: path.appending("valid_to")) }
    }

    /// Overlays of one target, as (index, from, to): sorted by start, each must start once every earlier one ended.
    private func checkOverlaps(_ overlays: [(index: Int, from: Int64, to: Int64?)], in path: JSONPath) {
        let sorted = overlays.sorted { ($0.from, $0.index) < ($1.from, $1.index) }
        guard var reach = sorted.first else { return }
        for next in sorted.dropFirst() {
            if reach.to.map({ $0 > next.from }) ?? true {
                log.add(.overlaps(path.appending(reach.index)), at: path.appending(next.index).appending("valid_from"))
            }
            if let end = reach.to, next.to.map({ $0 > end }) ?? true { reach = next }
        }
    }
}
