import NafidhaContract
import Postgres

/// What the catalog says of one document of a service, as submissions are checked against it (the catalog
/// snapshot keeps these; the service detail shows them with names).
struct DocumentRule: Sendable, Equatable {
    /// The document's code: a submission's `documents[].type`.
    var code: String
    /// Whether a submission must include it.
    var required: Bool
    /// The media types it accepts.
    var mediaTypes: [String]
    /// The largest file it accepts, in bytes.
    var maxBytes: Int

    /// Every service's document rules, by service code, in display order (for the catalog snapshot).
    static func all(on connection: PostgresConnection) throws -> [String: [DocumentRule]] {
        var rules: [String: [DocumentRule]] = [:]
        for row in try connection.query(
            """
            SELECT service_code, code, required, media_types, max_bytes FROM service_documents
             ORDER BY service_code, position
            """
        ) {
            rules[try row.decode("service_code"), default: []].append(
                DocumentRule(
                    code: try row.decode("code"), required: try row.decode("required"),
                    mediaTypes: try row.decode("media_types"), maxBytes: try row.decode("max_bytes")))
        }
        return rules
    }
}
