import Postgres

/// What the database says about a change besides the catalog itself: which removed services requests name (they are
/// disabled instead), how many requests not yet closed use each service (and each service in each municipality),
/// and which removed municipalities, sectors, offices and countries something still refers to (the file cannot
/// remove those). Read in the apply's transaction.
struct CatalogUsage: Sendable {
    /// Removed services that requests name: disabled, not deleted.
    var disabled: Set<String> = []
    /// Requests not closed, by service.
    var openByService: [String: Int] = [:]
    /// Requests not closed, by service and municipality.
    var openByTarget: [[String]: Int] = [:]
    /// Removals the database cannot make.
    var problems: [CatalogProblem] = []

    /// Reads it for `changes` to `live`.
    static func read(
        _ changes: CatalogChangeSet, live: LiveCatalog, on connection: PostgresConnection
    ) throws -> CatalogUsage {
        var usage = CatalogUsage()
        let removedServices = changes.services.removed.map(\.code)
        for row in try connection.query(
            "SELECT DISTINCT service_code FROM requests WHERE service_code = ANY($1::text[])", [removedServices]
        ) {
            usage.disabled.insert(try row.decode("service_code"))
        }
        let services = Set(
            changes.services.changed.map(\.after.code) + removedServices
                + changes.serviceOverlays.added.map(\.service) + changes.serviceOverlays.changed.map(\.after.service)
                + changes.serviceOverlays.removed.map(\.service) + changes.stepOverlays.added.map(\.service)
                + changes.stepOverlays.changed.map(\.after.service) + changes.stepOverlays.removed.map(\.service))
        for row in try connection.query(
            """
            SELECT service_code, municipality_code, count(*)::int8 AS open FROM requests
             WHERE closed_at IS NULL AND service_code = ANY($1::text[]) GROUP BY 1, 2
            """,
            [Array(services)]
        ) {
            let service: String = try row.decode("service_code")
            let count = Int(try row.decode("open", as: Int64.self))
            usage.openByService[service, default: 0] += count
            usage.openByTarget[[service, try row.decode("municipality_code")]] = count
        }
        // What the services disabled now keep referring to, besides those disabled before (read below).
        let frozen = live.document.services.filter { usage.disabled.contains($0.code) }
        try usage.checkMunicipalities(changes.municipalities.removed.map(\.code), on: connection)
        try usage.checkSectors(changes.sectors.removed.map(\.code), frozen: frozen, on: connection)
        try usage.checkOffices(changes.offices.removed.map(\.code), frozen: frozen, on: connection)
        try usage.checkCountries(changes.countries.removed.map(\.code), frozen: frozen, on: connection)
        return usage
    }

    private mutating func checkMunicipalities(_ codes: [String], on connection: PostgresConnection) throws {
        guard !codes.isEmpty else { return }
        for row in try connection.query(
            """
            SELECT m.code,
                   (SELECT count(*) FROM requests r WHERE r.municipality_code = m.code)::int8 AS requests,
                   (SELECT count(*) FROM staff_municipalities s WHERE s.municipality_code = m.code)::int8 AS staff,
                   EXISTS (SELECT 1 FROM audit_chain_heads h WHERE h.municipality_code = m.code)
                       OR EXISTS (SELECT 1 FROM audit_events e WHERE e.municipality_code = m.code) AS audit,
                   (SELECT count(DISTINCT v.code) FROM services v
                     WHERE NOT v.active
                       AND (EXISTS (SELECT 1 FROM service_overlays o WHERE o.service_code = v.code
                                       AND o.municipality_code = m.code)
                            OR EXISTS (SELECT 1 FROM step_overlays o WHERE o.service_code = v.code
                                          AND o.municipality_code = m.code)))::int8 AS disabled
              FROM unnest($1::text[]) AS m (code)
            """,
            [codes]
        ) {
            var uses: [CatalogProblem.Use] = []
            if let count = try positive(row, "requests") { uses.append(.requests(count)) }
            if let count = try positive(row, "staff") { uses.append(.staff(count)) }
            if try row.decode("audit", as: Bool.self) { uses.append(.auditTrail) }
            if let count = try positive(row, "disabled") { uses.append(.disabledServices(count)) }
            add(.municipality, try row.decode("code"), uses, list: "municipalities")
        }
    }

    private mutating func checkSectors(
        _ codes: [String], frozen: [CatalogDocument.Service], on connection: PostgresConnection
    ) throws {
        guard !codes.isEmpty else { return }
        for row in try connection.query(
            """
            SELECT s.code,
                   (SELECT count(*) FROM tasks t WHERE t.sector_code = s.code)::int8 AS tasks,
                   (SELECT count(*) FROM staff_sectors x WHERE x.sector_code = s.code)::int8 AS staff,
                   (SELECT count(*) FROM services v
                     WHERE NOT v.active
                       AND (v.sector_code = s.code
                            OR EXISTS (SELECT 1 FROM workflow_steps w WHERE w.service_code = v.code
                                          AND w.sector_code = s.code)))::int8 AS disabled
              FROM unnest($1::text[]) AS s (code)
            """,
            [codes]
        ) {
            let code: String = try row.decode("code")
            var uses: [CatalogProblem.Use] = []
            if let count = try positive(row, "tasks") { uses.append(.tasks(count)) }
            if let count = try positive(row, "staff") { uses.append(.staff(count)) }
            let now = frozen.filter {
                $0.sector == code || $0.workflow.contains { $0.steps.contains { $0.sector == code } }
            }
            let disabled = (try positive(row, "disabled") ?? 0) + now.count
            if disabled > 0 { uses.append(.disabledServices(disabled)) }
            add(.sector, code, uses, list: "sectors")
        }
    }

    private mutating func checkOffices(
        _ codes: [String], frozen: [CatalogDocument.Service], on connection: PostgresConnection
    ) throws {
        guard !codes.isEmpty else { return }
        for row in try connection.query(
            """
            SELECT f.code,
                   (SELECT count(*) FROM tasks t WHERE t.office_code = f.code)::int8 AS tasks,
                   (SELECT count(DISTINCT w.service_code) FROM workflow_steps w JOIN services v ON v.code = w.service_code
                     WHERE NOT v.active AND w.office_code = f.code)::int8 AS disabled
              FROM unnest($1::text[]) AS f (code)
            """,
            [codes]
        ) {
            let code: String = try row.decode("code")
            var uses: [CatalogProblem.Use] = []
            if let count = try positive(row, "tasks") { uses.append(.tasks(count)) }
            let now = frozen.filter { $0.workflow.contains { $0.steps.contains { $0.office == code } } }
            let disabled = (try positive(row, "disabled") ?? 0) + now.count
            if disabled > 0 { uses.append(.disabledServices(disabled)) }
            add(.office, code, uses, list: "offices")
        }
    }

    private mutating func checkCountries(
        _ codes: [String], frozen: [CatalogDocument.Service], on connection: PostgresConnection
    ) throws {
        guard !codes.isEmpty else { return }
        for row in try connection.query(
            """
            SELECT c.code,
                   (SELECT count(DISTINCT f.service_code) FROM service_fees f JOIN services v ON v.code = f.service_code
                     WHERE NOT v.active AND f.country_code = c.code)::int8 AS disabled
              FROM unnest($1::text[]) AS c (code)
            """,
            [codes]
        ) {
            let code: String = try row.decode("code")
            let now = frozen.filter { $0.fees.contains { $0.country == code } }
            let disabled = (try positive(row, "disabled") ?? 0) + now.count
            add(.country, code, disabled > 0 ? [.disabledServices(disabled)] : [], list: "countries")
        }
    }

    private mutating func add(
        _ kind: CatalogProblem.CodeKind, _ code: String, _ uses: [CatalogProblem.Use], list: String
    ) {
        guard !uses.isEmpty else { return }
        problems.append(CatalogProblem(.inUse(kind, code, uses), at: JSONPath.root.appending(list)))
    }

    private func positive(_ row: PostgresRow, _ column: String) throws -> Int? {
        let value = Int(try row.decode(column, as: Int64.self))
        return value > 0 ? value : nil
    }
}
