import Foundation
import NafidhaContract

/// What a catalog file changes in the live catalog, thing by thing: for each kind, what it adds, changes (before and
/// after) and removes, matched by code (an overlay by its target and start). The applier writes exactly these; the
/// diff people read (`changes`) is made from them.
struct CatalogChangeSet: Sendable {
    /// The things of one kind that differ.
    struct Matched<Entity: Sendable>: Sendable {
        var added: [Entity] = []
        var changed: [(before: Entity, after: Entity)] = []
        var removed: [Entity] = []

        /// True when nothing of the kind differs.
        var isEmpty: Bool { added.isEmpty && changed.isEmpty && removed.isEmpty }

        /// Matches `live` against `file` by `key`, in the file's order then the live catalog's.
        init<Key: Hashable>(live: [Entity], file: [Entity], key: (Entity) -> Key) where Entity: Equatable {
            let before = Dictionary(live.map { (key($0), $0) }, uniquingKeysWith: { first, _ in first })
            let keys = Set(file.map(key))
            for entity in file {
                if let old = before[key(entity)] {
                    if old != entity { changed.append((old, entity)) }
                } else {
                    added.append(entity)
                }
            }
            removed = live.filter { !keys.contains(key($0)) }
        }
    }

    var countries: Matched<CatalogDocument.Country>
    var sectors: Matched<CatalogDocument.Sector>
    var municipalities: Matched<CatalogDocument.Municipality>
    var offices: Matched<CatalogDocument.Office>
    var services: Matched<CatalogDocument.Service>
    var serviceOverlays: Matched<CatalogDocument.ServiceOverlay>
    var stepOverlays: Matched<CatalogDocument.StepOverlay>
    /// Zones to write overlay instants in: the file's, else the live catalog's.
    private let zones: [String: TimeZone]

    /// The change from `live` to `file`.
    init(live: CatalogDocument, file: CatalogDocument) {
        countries = Matched(live: live.countries, file: file.countries, key: \.code)
        sectors = Matched(live: live.sectors, file: file.sectors, key: \.code)
        municipalities = Matched(live: live.municipalities, file: file.municipalities, key: \.code)
        offices = Matched(live: live.offices, file: file.offices, key: \.code)
        services = Matched(live: live.services, file: file.services, key: \.code)
        serviceOverlays = Matched(live: live.serviceOverlays, file: file.serviceOverlays, key: \.key)
        stepOverlays = Matched(live: live.stepOverlays, file: file.stepOverlays, key: \.key)
        zones = live.municipalityZones.merging(file.municipalityZones) { _, fromFile in fromFile }
    }

    /// True when the file is the live catalog.
    var isEmpty: Bool {
        countries.isEmpty && sectors.isEmpty && municipalities.isEmpty && offices.isEmpty && services.isEmpty
            && serviceOverlays.isEmpty && stepOverlays.isEmpty
    }

    /// Every change as people read it, kinds in file order and things by key; services in `disabled` are reported
    /// as disabled rather than removed.
    func changes(disabled: Set<String> = []) -> [Catalog.Change] {
        var changes: [Catalog.Change] = []
        changes += Self.entries(.country, countries, key: \.code, tree: \.tree)
        changes += Self.entries(.sector, sectors, key: \.code, tree: \.tree)
        changes += Self.entries(.municipality, municipalities, key: \.code, tree: \.tree)
        changes += Self.entries(.office, offices, key: \.code, tree: \.tree)
        changes += Self.entries(.service, services, key: \.code, tree: \.tree).map { change in
            var change = change
            if change.action == .removed && disabled.contains(change.key) { change.action = .disabled }
            return change
        }
        changes += Self.entries(
            .serviceOverlay, serviceOverlays, key: displayKey, tree: { $0.tree(zone: zone($0.municipality)) })
        changes += Self.entries(
            .stepOverlay, stepOverlays, key: displayKey, tree: { $0.tree(zone: zone($0.municipality)) })
        return changes
    }

    /// How many things are added, changed, removed and disabled.
    func summary(disabled: Set<String>) -> Catalog.ChangeSummary {
        let all = [
            countries.counts, sectors.counts, municipalities.counts, offices.counts, services.counts,
            serviceOverlays.counts, stepOverlays.counts,
        ]
        let removed = all.map(\.removed).reduce(0, +)
        return Catalog.ChangeSummary(
            added: all.map(\.added).reduce(0, +), changed: all.map(\.changed).reduce(0, +),
            removed: removed - disabled.count, disabled: disabled.count)
    }

    /// `building_permit TRP 2027-01-01`.
    func displayKey(_ overlay: CatalogDocument.ServiceOverlay) -> String {
        "\(overlay.service) \(overlay.municipality) \(CatalogInstant.text(overlay.validFrom, zone: zone(overlay.municipality)))"
    }

    /// `building_permit TRP 1.1 2027-01-01`.
    func displayKey(_ overlay: CatalogDocument.StepOverlay) -> String {
        "\(overlay.service) \(overlay.municipality) \(overlay.stage).\(overlay.step) "
            + CatalogInstant.text(overlay.validFrom, zone: zone(overlay.municipality))
    }

    private func zone(_ municipality: String) -> TimeZone { zones[municipality] ?? .gmt }

    private static func entries<Entity>(
        _ kind: Catalog.ChangeKind, _ matched: Matched<Entity>, key: (Entity) -> String, tree: (Entity) -> JSONTree
    ) -> [Catalog.Change] {
        var changes = matched.added.map {
            Catalog.Change(kind: kind, key: key($0), action: .added, openRequests: nil, details: [])
        }
        changes += matched.changed.map {
            Catalog.Change(
                kind: kind, key: key($0.after), action: .changed, openRequests: nil,
                details: CatalogTreeDiff.details(tree($0.before), tree($0.after)))
        }
        changes += matched.removed.map {
            Catalog.Change(kind: kind, key: key($0), action: .removed, openRequests: nil, details: [])
        }
        return changes.sorted { $0.key < $1.key }
    }
}

extension CatalogChangeSet.Matched {
    fileprivate var counts: (added: Int, changed: Int, removed: Int) { (added.count, changed.count, removed.count) }
}
