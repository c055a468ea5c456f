import Foundation
import NafidhaContract
import Postgres

extension CatalogService {
    /// The form, documents and resolved workflow of `service` in `municipality` at `instant`, texts in `language`.
    /// - Throws: `unknown_municipality`, `unknown_service` (a disabled service too: removed from the catalog file), or
    ///   `service_not_offered` (all 404).
    public static func serviceDetail(
        service: String, municipality: String, at instant: Date, in language: Language,
        on connection: PostgresConnection
    ) throws -> Catalog.ServiceDetail {
        try requireMunicipality(municipality, on: connection)
        let unknown = NafidhaError(.unknownService, message: ErrorCode.Message.unknownService(code: service))
        guard isServiceCode(service) else { throw unknown }
        let rows = try connection.queryPrepared(
            """
            SELECT s.code, s.sector_code, s.name_ar, s.name_fr, s.name_en,
                   s.description_ar, s.description_fr, s.description_en, s.public_report,
                   resolve_service(s.code, $2, $3)::text AS workflow
              FROM services s WHERE s.code = $1 AND s.active
            """,
            [service, municipality, instant]
        )
        guard let row = rows.first else { throw unknown }
        guard let text = try row.decode("workflow", as: String?.self) else {
            throw NafidhaError(
                .serviceNotOffered,
                message: ErrorCode.Message.serviceNotOffered(service: service, municipality: municipality))
        }
        let workflow = try ResolvedWorkflow(jsonText: text)
        let names = try stepNames(of: workflow, on: connection)
        return Catalog.ServiceDetail(
            language: language, municipality: municipality,
            service: try Catalog.Service(
                row: row, in: language, slaDays: workflow.slaDays, fee: workflow.fee, currency: workflow.currency),
            fields: try formFields(service: service, on: connection).map { Catalog.Field($0, in: language) },
            documents: try documents(service: service, in: language, on: connection),
            workflow: Catalog.Workflow(
                resolvedAt: workflow.resolvedAt, slaDays: workflow.slaDays, fee: workflow.fee,
                currency: workflow.currency,
                stages: workflow.stages.map { stage in
                    Catalog.Stage(
                        stage: stage.stage,
                        steps: stage.steps.map { step in
                            Catalog.Step(
                                sector: step.sector, sectorName: names.sectors[step.sector]?.text(in: language),
                                office: step.office, officeName: names.offices[step.office]?.text(in: language),
                                slaDays: step.slaDays)
                        })
                })
        )
    }

    /// The form fields of `service` in display order, with their choices (empty for an unknown service).
    static func formFields(service: String, on connection: PostgresConnection) throws -> [FormField] {
        var choices: [String: [FormField.Choice]] = [:]
        for row in try connection.queryPrepared(
            """
            SELECT field_code, code, label_ar, label_fr, label_en FROM service_field_choices
             WHERE service_code = $1 ORDER BY field_code, position
            """,
            [service]
        ) {
            choices[try row.decode("field_code"), default: []].append(
                FormField.Choice(code: try row.decode("code"), labels: try row.catalogText("label"))
            )
        }
        return try connection.queryPrepared(
            """
            SELECT code, datatype, required, label_ar, label_fr, label_en, max_length,
                   min_value::text AS min_value, max_value::text AS max_value
              FROM service_fields WHERE service_code = $1 ORDER BY position
            """,
            [service]
        ).map { row in try formField(from: row, choices: choices[try row.decode("code")] ?? []) }
    }

    /// A `service_fields` row (`code`, `datatype`, `required`, labels, `max_length`, and the bounds selected as
    /// text) as a form field with `choices`.
    static func formField(from row: PostgresRow, choices: [FormField.Choice]) throws -> FormField {
        let datatypeText: String = try row.decode("datatype")
        guard let datatype = Catalog.FieldDatatype(rawValue: datatypeText) else {
            throw CatalogDataError(column: "datatype", value: datatypeText)
        }
        return FormField(
            code: try row.decode("code"), datatype: datatype, required: try row.decode("required"),
            labels: try row.catalogText("label"), choices: choices, maxLength: try row.decode("max_length"),
            minValue: try row.catalogDecimal("min_value"), maxValue: try row.catalogDecimal("max_value")
        )
    }

    /// The documents `service` requires, in display order, names in `language`.
    static func documents(
        service: String, in language: Language, on connection: PostgresConnection
    ) throws -> [Catalog.Document] {
        try connection.queryPrepared(
            """
            SELECT code, name_ar, name_fr, name_en, required, media_types, max_bytes FROM service_documents
             WHERE service_code = $1 ORDER BY position
            """,
            [service]
        ).map {
            Catalog.Document(
                code: try $0.decode("code"), name: try $0.catalogText("name").text(in: language),
                required: try $0.decode("required"), mediaTypes: try $0.decode("media_types"),
                maxBytes: try $0.decode("max_bytes"))
        }
    }

    /// The names of the sectors and offices a workflow's steps go to.
    private static func stepNames(
        of workflow: ResolvedWorkflow, on connection: PostgresConnection
    ) throws -> (sectors: [String: LocalizedText], offices: [String: LocalizedText]) {
        let steps = workflow.stages.flatMap(\.steps)
        var sectors: [String: LocalizedText] = [:]
        var offices: [String: LocalizedText] = [:]
        for row in try connection.queryPrepared(
            """
            SELECT 'sector' AS kind, code, name_ar, name_fr, name_en FROM sectors WHERE code = ANY ($1::text[])
            UNION ALL
            SELECT 'office', code, name_ar, name_fr, name_en FROM offices WHERE code = ANY ($2::text[])
            """,
            [steps.map(\.sector), steps.map(\.office)]
        ) {
            let kind: String = try row.decode("kind")
            if kind == "sector" {
                sectors[try row.decode("code")] = try row.catalogText("name")
            } else {
                offices[try row.decode("code")] = try row.catalogText("name")
            }
        }
        return (sectors, offices)
    }
}
