import Postgres

extension LiveCatalog {
    /// The overlays of active services, with their ids; instants in whole microseconds, fees in minor units of the
    /// municipality's currency.
    static func readOverlays(into live: inout LiveCatalog, on connection: PostgresConnection) throws {
        for row in try connection.query(
            """
            SELECT o.id, o.service_code, o.municipality_code,
                   (extract(epoch FROM o.valid_from) * 1000000)::int8 AS valid_from,
                   (extract(epoch FROM o.valid_to) * 1000000)::int8 AS valid_to, o.enabled, o.sla_days,
                   o.fee::text AS fee, o.note, c.currency_code
              FROM service_overlays o
              JOIN services s ON s.code = o.service_code AND s.active
              JOIN municipalities m ON m.code = o.municipality_code
              JOIN countries c ON c.code = m.country_code
             ORDER BY o.service_code, o.municipality_code, o.valid_from
            """
        ) {
            let currency: String = try row.decode("currency_code")
            let overlay = CatalogDocument.ServiceOverlay(
                service: try row.decode("service_code"), municipality: try row.decode("municipality_code"),
                validFrom: try row.decode("valid_from"), validTo: try row.decode("valid_to"),
                enabled: try row.decode("enabled"), slaDays: try row.decode("sla_days"),
                fee: try row.catalogDecimal("fee").map { CatalogDocument.Money(major: $0, currency: currency) },
                note: try row.decode("note"))
            live.document.serviceOverlays.append(overlay)
            live.serviceOverlayIDs[overlay.key] = try row.decode("id")
        }
        for row in try connection.query(
            """
            SELECT o.id, o.service_code, o.municipality_code, o.stage_no, o.step_no,
                   (extract(epoch FROM o.valid_from) * 1000000)::int8 AS valid_from,
                   (extract(epoch FROM o.valid_to) * 1000000)::int8 AS valid_to, o.sector_code, o.office_code,
                   o.sla_days, o.note
              FROM step_overlays o
              JOIN services s ON s.code = o.service_code AND s.active
             ORDER BY o.service_code, o.municipality_code, o.stage_no, o.step_no, o.valid_from
            """
        ) {
            let overlay = CatalogDocument.StepOverlay(
                service: try row.decode("service_code"), municipality: try row.decode("municipality_code"),
                stage: try row.decode("stage_no"), step: try row.decode("step_no"),
                validFrom: try row.decode("valid_from"), validTo: try row.decode("valid_to"),
                sector: try row.decode("sector_code"), office: try row.decode("office_code"),
                slaDays: try row.decode("sla_days"), note: try row.decode("note"))
            live.document.stepOverlays.append(overlay)
            live.stepOverlayIDs[overlay.key] = try row.decode("id")
        }
    }
}
