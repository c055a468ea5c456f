extension Routes {
    /// `POST /v1/uploads`: the raw file as the body, its media type as `Content-Type` (docs/documents.md).
    public static let upload = Route<RawBody, Documents.Upload>(.post, "/v1/uploads")
    /// `GET /v1/requests/{tracking}/documents` with the citizen's access token.
    public static let requestDocuments = Route<NoBody, Documents.List>(.get, "/v1/requests/:tracking/documents")
    /// `GET /v1/requests/{tracking}/documents/{id}` with the citizen's access token: the file's bytes.
    public static let requestDocument = Route<NoBody, RawBody>(.get, "/v1/requests/:tracking/documents/:document")
    /// `GET /v1/staff/requests/{tracking}/documents`: the request's documents (audited as personal data viewing).
    public static let staffDocuments = Route<NoBody, Documents.List>(.get, "/v1/staff/requests/:tracking/documents")
    /// `GET /v1/staff/requests/{tracking}/documents/{id}`: one document's bytes (audited).
    public static let staffDocument = Route<NoBody, RawBody>(
        .get, "/v1/staff/requests/:tracking/documents/:document")
    /// `GET /v1/staff/documents/{id}`: one document's bytes by its id alone (`nafidha download`), same rules.
    public static let staffDocumentByID = Route<NoBody, RawBody>(.get, "/v1/staff/documents/:document")

    /// The templates of supporting documents, for `Routes.all`.
    static let documentTemplates = [
        upload.template, requestDocuments.template, requestDocument.template, staffDocuments.template,
        staffDocument.template, staffDocumentByID.template,
    ]

    /// `GET /v1/staff/requests/{tracking}/documents`.
    public static func staffDocuments(_ tracking: String) -> RouteTarget<NoBody, Documents.List> {
        staffDocuments.target(tracking)
    }

    /// `GET /v1/staff/documents/{id}`.
    public static func staffDocument(id: Int64) -> RouteTarget<NoBody, RawBody> {
        staffDocumentByID.target(String(id))
    }
}
