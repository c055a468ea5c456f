import Foundation
import Postgres

extension CatalogWriter {
    /// Services removed (disabled, or deleted with their rows), added, changed, or enabled again, with their fees,
    /// fields, choices, documents (replaced whole: nothing refers to them) and workflow steps (kept by number: step
    /// overlays refer to them).
    func writeServices() throws {
        let removed = changes.services.removed.map(\.code)
        let disabling = removed.filter(disabled.contains)
        let deleting = removed.filter { !disabled.contains($0) }
        if !disabling.isEmpty {
            try connection.execute("UPDATE services SET active = false WHERE code = ANY($1::text[])", [disabling])
        }
        if !deleting.isEmpty {
            try deleteRows(of: deleting)
            try connection.execute("DELETE FROM workflow_steps WHERE service_code = ANY($1::text[])", [deleting])
            try connection.execute("DELETE FROM services WHERE code = ANY($1::text[])", [deleting])
        }
        let services = changes.services.added + changes.services.changed.map(\.after)
        guard !services.isEmpty else { return }
        let codes = services.map(\.code)
        // A service enabled again may still have overlays from before it was disabled: the file's replace them.
        let enabling = codes.filter(live.disabledServices.contains)
        if !enabling.isEmpty {
            try connection.execute("DELETE FROM step_overlays WHERE service_code = ANY($1::text[])", [enabling])
            try connection.execute("DELETE FROM service_overlays WHERE service_code = ANY($1::text[])", [enabling])
        }
        try connection.execute(
            """
            INSERT INTO services (code, sector_code, name_ar, name_fr, name_en, description_ar, description_fr,
                                  description_en, sla_days, public_report, keywords, active, appeal_window_days)
            SELECT code, sector, name_ar, name_fr, name_en, description_ar, description_fr, description_en, sla_days,
                   public_report, ARRAY(SELECT jsonb_array_elements_text(keywords)), true, appeal_window_days
              FROM jsonb_to_recordset($1::jsonb) AS x (code text, sector text, name_ar text, name_fr text,
                   name_en text, description_ar text, description_fr text, description_en text, sla_days integer,
                   public_report boolean, keywords jsonb, appeal_window_days integer)
            ON CONFLICT (code) DO UPDATE SET
                   sector_code = excluded.sector_code, name_ar = excluded.name_ar, name_fr = excluded.name_fr,
                   name_en = excluded.name_en, description_ar = excluded.description_ar,
                   description_fr = excluded.description_fr, description_en = excluded.description_en,
                   sla_days = excluded.sla_days, public_report = excluded.public_report, keywords = excluded.keywords,
                   active = true, appeal_window_days = excluded.appeal_window_days
            """,
            [Self.rows(services.map(\.row))])
        try deleteRows(of: codes)
        try insertRows(of: services)
        try writeSteps(of: services)
    }

    /// Fees, choices, fields and documents of `services`.
    private func deleteRows(of services: [String]) throws {
        for table in ["service_fees", "service_field_choices", "service_fields", "service_documents"] {
            // The table names are constants of this list, never input.
            try connection.execute("DELETE FROM \(table) WHERE service_code = ANY($1::text[])", [services])
        }
    }

    private func insertRows(of services: [CatalogDocument.Service]) throws {
        let fees = services.flatMap { service in
            service.fees.map { fee in
                JSONTree.object([
                    .init(key: "service", value: .string(service.code)),
                    .init(key: "country", value: .string(fee.country)),
                    .init(key: "amount", value: .decimal(fee.amount.major)),
                ])
            }
        }
        if !fees.isEmpty {
            try connection.execute(
                """
                INSERT INTO service_fees (service_code, country_code, amount)
                SELECT service, country, amount FROM jsonb_to_recordset($1::jsonb) AS x (service text, country text,
                       amount numeric)
                """,
                [Self.rows(fees)])
        }
        let fields = services.flatMap { service in
            service.fields.enumerated().map { position, field in
                JSONTree.object(
                    [
                        .init(key: "service", value: .string(service.code)),
                        .init(key: "position", value: .integer(position + 1)),
                        .init(key: "code", value: .string(field.code)),
                        .init(key: "datatype", value: .string(field.datatype?.rawValue ?? "")),
                        .init(key: "required", value: .bool(field.required)),
                        .init(key: "max_length", value: field.maxLength.map(JSONTree.integer) ?? .null),
                        .init(key: "min_value", value: field.minimum.map(JSONTree.decimal) ?? .null),
                        .init(key: "max_value", value: field.maximum.map(JSONTree.decimal) ?? .null),
                    ] + Self.names("label", field.labels))
            }
        }
        if !fields.isEmpty {
            try connection.execute(
                """
                INSERT INTO service_fields (service_code, position, code, datatype, required, label_ar, label_fr,
                                            label_en, max_length, min_value, max_value)
                SELECT service, position, code, datatype, required, label_ar, label_fr, label_en, max_length, min_value,
                       max_value
                  FROM jsonb_to_recordset($1::jsonb) AS x (service text, position smallint, code text, datatype text,
                       required boolean, label_ar text, label_fr text, label_en text, max_length integer,
                       min_value numeric, max_value numeric)
                """,
                [Self.rows(fields)])
        }
        let choices = services.flatMap { service in
            service.fields.flatMap { field in
                field.choices.enumerated().map { position, choice in
                    JSONTree.object(
                        [
                            .init(key: "service", value: .string(service.code)),
                            .init(key: "field", value: .string(field.code)),
                            .init(key: "position", value: .integer(position + 1)),
                            .init(key: "code", value: .string(choice.code)),
                        ] + Self.names("label", choice.labels))
                }
            }
        }
        if !choices.isEmpty {
            try connection.execute(
                """
                INSERT INTO service_field_choices (service_code, field_code, position, code, label_ar, label_fr,
                                                   label_en)
                SELECT service, field, position, code, label_ar, label_fr, label_en
                  FROM jsonb_to_recordset($1::jsonb) AS x (service text, field text, position smallint, code text,
                       label_ar text, label_fr text, label_en text)
                """,
                [Self.rows(choices)])
        }
        let documents = services.flatMap { service in
            service.documents.enumerated().map { position, document in
                JSONTree.object(
                    [
                        .init(key: "service", value: .string(service.code)),
                        .init(key: "position", value: .integer(position + 1)),
                        .init(key: "code", value: .string(document.code)),
                        .init(key: "required", value: .bool(document.required)),
                        .init(key: "media_types", value: .array(document.mediaTypes.map(JSONTree.string))),
                        .init(key: "max_bytes", value: .integer(document.maxBytes)),
                    ] + Self.names("name", document.names))
            }
        }
        if !documents.isEmpty {
            try connection.execute(
                """
                INSERT INTO service_documents (service_code, position, code, name_ar, name_fr, name_en, required,
                                               media_types, max_bytes)
                SELECT service, position, code, name_ar, name_fr, name_en, required, media_types, max_bytes
                  FROM jsonb_to_recordset($1::jsonb) AS x (service text, position smallint, code text, name_ar text,
                       name_fr text, name_en text, required boolean, media_types text[], max_bytes integer)
                """,
                [Self.rows(documents)])
        }
    }

    /// The workflow steps of `services`: those the file no longer has go (their overlays went first), the others
    /// are written in place.
    private func writeSteps(of services: [CatalogDocument.Service]) throws {
        let steps = Self.rows(
            services.flatMap { service in
                service.workflow.flatMap { stage in
                    stage.steps.map { step in
                        JSONTree.object([
                            .init(key: "service", value: .string(service.code)),
                            .init(key: "stage", value: .integer(stage.number)),
                            .init(key: "step", value: .integer(step.number)),
                            .init(key: "sector", value: .string(step.sector)),
                            .init(key: "office", value: step.office.map(JSONTree.string) ?? .null),
                            .init(key: "sla_days", value: .integer(step.slaDays)),
                        ])
                    }
                }
            })
        try connection.execute(
            """
            DELETE FROM workflow_steps w
             WHERE w.service_code = ANY($1::text[])
               AND NOT EXISTS (SELECT 1 FROM jsonb_to_recordset($2::jsonb) AS x (service text, stage smallint,
                                                                                 step smallint)
                                WHERE x.service = w.service_code AND x.stage = w.stage_no AND x.step = w.step_no)
            """,
            [services.map(\.code), steps])
        try connection.execute(
            """
            INSERT INTO workflow_steps (service_code, stage_no, step_no, sector_code, office_code, sla_days)
            SELECT service, stage, step, sector, office, sla_days
              FROM jsonb_to_recordset($1::jsonb) AS x (service text, stage smallint, step smallint, sector text,
                   office text, sla_days integer)
            ON CONFLICT (service_code, stage_no, step_no) DO UPDATE SET
                   sector_code = excluded.sector_code, office_code = excluded.office_code,
                   sla_days = excluded.sla_days
            """,
            [steps])
    }

    /// Overlays added, and changed ones again under their id.
    func insertOverlays() throws {
        let services =
            changes.serviceOverlays.added.map { $0.row(id: nil) }
            + changes.serviceOverlays.changed.map { $0.after.row(id: live.serviceOverlayIDs[$0.before.key]) }
        for (rows, overriding) in Self.split(services) {
            try connection.execute(
                """
                INSERT INTO service_overlays (\(overriding ? "id, " : "")service_code, municipality_code, valid_from,
                                              valid_to, enabled, sla_days, fee, note)
                \(overriding ? "OVERRIDING SYSTEM VALUE" : "")
                SELECT \(overriding ? "id, " : "")service, municipality,
                       'epoch'::timestamptz + valid_from * interval '1 microsecond',
                       'epoch'::timestamptz + valid_to * interval '1 microsecond', enabled, sla_days, fee, note
                  FROM jsonb_to_recordset($1::jsonb) AS x (id int8, service text, municipality text, valid_from int8,
                       valid_to int8, enabled boolean, sla_days integer, fee numeric, note text)
                """,
                [rows])
        }
        let steps =
            changes.stepOverlays.added.map { $0.row(id: nil) }
            + changes.stepOverlays.changed.map { $0.after.row(id: live.stepOverlayIDs[$0.before.key]) }
        for (rows, overriding) in Self.split(steps) {
            try connection.execute(
                """
                INSERT INTO step_overlays (\(overriding ? "id, " : "")service_code, municipality_code, stage_no,
                                           step_no, valid_from, valid_to, sector_code, office_code, sla_days, note)
                \(overriding ? "OVERRIDING SYSTEM VALUE" : "")
                SELECT \(overriding ? "id, " : "")service, municipality, stage, step,
                       'epoch'::timestamptz + valid_from * interval '1 microsecond',
                       'epoch'::timestamptz + valid_to * interval '1 microsecond', sector, office, sla_days, note
                  FROM jsonb_to_recordset($1::jsonb) AS x (id int8, service text, municipality text, stage smallint,
                       step smallint, valid_from int8, valid_to int8, sector text, office text, sla_days integer,
                       note text)
                """,
                [rows])
        }
    }

    /// Rows without an id (new overlays) and rows with one (changed overlays keep theirs), as parameters; the SQL
    /// text differs only by constants of this file.
    private static func split(_ rows: [JSONTree]) -> [(PostgresJSON, Bool)] {
        let withID = rows.filter { $0["id"] != JSONTree.null }
        let withoutID = rows.filter { $0["id"] == JSONTree.null }
        return [(withoutID, false), (withID, true)].filter { !$0.0.isEmpty }.map { (Self.rows($0.0), $0.1) }
    }
}
