import Foundation
import NafidhaContract
import Postgres

/// The catalog as Open311 sees it: only services flagged `public_report`, their form fields as attributes. The
/// first `location` field of a service is not an attribute: Open311's `lat`/`long`/`address_string` fill it.
public struct Open311Catalog: Sendable {
    /// Where the catalog is read.
    public let pool: PostgresPool

    /// Creates the catalog view over `pool`.
    public init(pool: PostgresPool) {
        self.pool = pool
    }

    /// The public-report services not disabled, by code; with a `jurisdiction` (municipality code) only those
    /// offered there now.
    /// - Throws: `NafidhaError` `unknown_jurisdiction` (404).
    public func services(jurisdiction: String?, language: Language, at instant: Date = Date()) throws
        -> [Open311Service]
    {
        let rows = try pool.withConnection { connection in
            if let jurisdiction { try Self.requireMunicipality(jurisdiction, on: connection) }
            return try connection.queryPrepared(
                """
                SELECT s.code, s.name_ar, s.name_fr, s.name_en, s.description_ar, s.description_fr, s.description_en,
                       s.keywords, c.name_ar AS group_ar, c.name_fr AS group_fr,
                       c.name_en AS group_en,
                       -- Every field but the first location one becomes an attribute, and every document.
                       (SELECT count(*) - least(count(*) FILTER (WHERE f.datatype = 'location'), 1)
                          FROM service_fields f WHERE f.service_code = s.code) > 0
                       OR EXISTS (SELECT 1 FROM service_documents d WHERE d.service_code = s.code) AS metadata
                  FROM services s JOIN sectors c ON c.code = s.sector_code
                 WHERE s.public_report AND s.active
                   AND ($1::text IS NULL OR resolve_service(s.code, $1, $2) IS NOT NULL)
                 ORDER BY s.code
                """,
                [jurisdiction, instant]
            )
        }
        return try rows.map { row in
            Open311Service(
                code: try row.decode("code"),
                name: try Self.localized(row, "name", language),
                description: try Self.localized(row, "description", language),
                metadata: try row.decode("metadata"), type: "realtime",
                keywords: try row.decode("keywords", as: [String].self).joined(separator: ","),
                group: try Self.localized(row, "group", language)
            )
        }
    }

    /// The definition of the public-report service `code`.
    /// - Throws: `NafidhaError` `unknown_service` (404) for an unknown service or one that is not a public report.
    public func definition(service code: String, language: Language) throws -> Open311ServiceDefinition {
        let (fields, documents) = try pool.withConnection { connection in
            try Self.requirePublicService(code, on: connection)
            return (try Self.fields(service: code, on: connection), try Self.documents(service: code, on: connection))
        }
        var attributes = fields.filter { !$0.isLocation }.map { field in
            Open311ServiceDefinition.Attribute(
                variable: true, code: field.code, datatype: field.open311Datatype, required: field.required,
                datatypeDescription: field.datatypeDescription.text(in: language), order: field.position,
                description: field.label.text(in: language),
                values: field.choices.map { .init(key: $0.code, name: $0.label.text(in: language)) }
            )
        }
        // GeoReport v2 carries no files: a service's documents are shown as information (`variable` false), after
        // the fields, saying how to hand them in through the JSON API (docs/open311.md, "Documents").
        let after = attributes.map(\.order).max() ?? 0
        attributes += documents.enumerated().map { index, document in
            Open311ServiceDefinition.Attribute(
                variable: false, code: document.attributeCode, datatype: "string", required: document.required,
                datatypeDescription: Open311Document.handIn(document, in: language), order: after + 1 + index,
                description: document.name.text(in: language), values: [])
        }
        return Open311ServiceDefinition(code: code, attributes: attributes)
    }

    /// Throws `NafidhaError` `unknown_jurisdiction` (404) unless `code` names a municipality.
    public func requireJurisdiction(_ code: String) throws {
        try pool.withConnection { connection in try Self.requireMunicipality(code, on: connection) }
    }

    /// Throws `unknown_jurisdiction` unless `code` names a municipality.
    static func requireMunicipality(_ code: String, on connection: PostgresConnection) throws {
        let rows = try connection.queryPrepared("SELECT 1 FROM municipalities WHERE code = $1", [code])
        guard !rows.isEmpty else {
            throw NafidhaError(.unknownJurisdiction)
        }
    }

    /// Throws `unknown_service` (404) unless `code` names a public-report service: Open311 does not know the others,
    /// nor a disabled service (removed from the catalog file), which can no longer be filed.
    static func requirePublicService(_ code: String, on connection: PostgresConnection) throws {
        let rows = try connection.queryPrepared(
            "SELECT 1 FROM services WHERE code = $1 AND public_report AND active", [code])
        guard !rows.isEmpty else {
            throw NafidhaError(.unknownService, message: ErrorCode.Message.unknownService(code: code))
        }
    }

    /// The form fields of `service` with their choices, in form order; the first location field is marked.
    /// The documents of `service`, in catalog order.
    static func documents(service: String, on connection: PostgresConnection) throws -> [Open311Document] {
        try connection.queryPrepared(
            """
            SELECT code, name_ar, name_fr, name_en, required, media_types, max_bytes FROM service_documents
             WHERE service_code = $1 ORDER BY position
            """,
            [service]
        ).map { row in
            Open311Document(
                code: try row.decode("code"), name: try localizedText(row, "name"),
                required: try row.decode("required"),
                mediaTypes: try row.decode("media_types"), maxBytes: Int(try row.decode("max_bytes", as: Int32.self)))
        }
    }

    static func fields(service: String, on connection: PostgresConnection) throws -> [Open311Field] {
        let rows = try connection.queryPrepared(
            """
            SELECT f.position, f.code, f.datatype, f.required, f.label_ar, f.label_fr, f.label_en, f.max_length,
                   f.min_value::float8 AS min_value, f.max_value::float8 AS max_value,
                   coalesce((SELECT jsonb_agg(jsonb_build_array(c.code, c.label_ar, c.label_fr, c.label_en)
                                              ORDER BY c.position)
                               FROM service_field_choices c
                              WHERE c.service_code = f.service_code AND c.field_code = f.code), '[]')::text AS choices
              FROM service_fields f WHERE f.service_code = $1 ORDER BY f.position
            """,
            [service]
        )
        var locationSeen = false
        return try rows.map { row in
            let datatypeText: String = try row.decode("datatype")
            guard let datatype = Catalog.FieldDatatype(rawValue: datatypeText) else {
                throw CatalogDataError(column: "datatype", value: datatypeText)
            }
            let isLocation = datatype == .location && !locationSeen
            if isLocation { locationSeen = true }
            let choiceRows = try JSONDecoder().decode(
                [[String]].self, from: Data(try row.decode("choices", as: String.self).utf8))
            return Open311Field(
                position: try row.decode("position"), code: try row.decode("code"), datatype: datatype,
                required: try row.decode("required"), label: try localizedText(row, "label"),
                maxLength: try row.decode("max_length"), minimum: try row.decode("min_value"),
                maximum: try row.decode("max_value"), isLocation: isLocation,
                choices: choiceRows.map { .init(code: $0[0], label: LocalizedText(ar: $0[1], fr: $0[2], en: $0[3])) }
            )
        }
    }

    static func localized(_ row: PostgresRow, _ prefix: String, _ language: Language) throws -> String {
        try row.decode("\(prefix)_\(language.rawValue)")
    }

    static func localizedText(_ row: PostgresRow, _ prefix: String) throws -> LocalizedText {
        LocalizedText(
            ar: try row.decode("\(prefix)_ar"), fr: try row.decode("\(prefix)_fr"), en: try row.decode("\(prefix)_en"))
    }
}
