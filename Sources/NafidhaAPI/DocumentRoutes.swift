import HTTP
import NafidhaContract
import NafidhaCore

/// Supporting documents (docs/documents.md): `POST /v1/uploads` (public: citizens, and counter clerks filing for
/// them, upload before they submit), the citizen's `GET /v1/requests/{tracking}/documents[/{id}]` with the access
/// token (the tracking routes' identical 404s and throttle), and the staff's listing and downloads, audited by the
/// engine.
struct DocumentRoutes: Sendable {
    let uploads: UploadService
    let documents: DocumentReader
    let tracking: RequestTrackingRoutes
    let engine: WorkflowEngine

    /// The citizen's routes, and the upload.
    func register(public api: ContractRouter) {
        api.register(Routes.upload, streamingBodyLimit: uploads.maxBytes) { request, _ in
            guard let reader = request.bodyReader else { throw NafidhaError(.emptyFile) }
            let upload = try uploads.store(
                contentType: request.headers.first(name: "Content-Type"),
                contentDisposition: request.headers.first(name: "Content-Disposition")
            ) { try reader.read() }
            return Answer(upload, status: .created)
        }
        api.register(Routes.requestDocuments) { request, context in
            let access = try citizen(request, context)
            return try documents.list(for: access)
        }
        api.register(Routes.requestDocument.template) { request, context in
            let access = try citizen(request, context)
            let document = try documents.document(try context.parameter("document"), of: access)
            return try DocumentDownload(document: document, reader: documents).response(to: request)
        }
    }

    /// The staff's routes, in the staff groups.
    func register(staff: ContractRouter) {
        staff.register(Routes.staffDocuments) { _, context in
            try engine.staffDocuments(tracking: try context.parameter("tracking"), for: try context.staff)
        }
        staff.register(Routes.staffDocument.template) { request, context in
            let document = try engine.staffDocument(
                tracking: try context.parameter("tracking"), id: try context.parameter("document"),
                for: try context.staff)
            return try DocumentDownload(document: document, reader: documents).response(to: request)
        }
        staff.register(Routes.staffDocumentByID.template) { request, context in
            let document = try engine.staffDocument(
                tracking: nil, id: try context.parameter("document"), for: try context.staff)
            return try DocumentDownload(document: document, reader: documents).response(to: request)
        }
    }

    /// The request whose tracking number and access token the citizen presents (404 `request_not_found` for
    /// anything wrong, counted by the citizens' throttle).
    private func citizen(_ request: HTTPRequest, _ context: APIContext) throws
        -> RequestTracking.AuthenticatedRequest
    {
        let citizen = try RequestTrackingRoutes.Citizen(request, context)
        return try tracking.authenticated(citizen, request, context) {
            try tracking.tracking.authenticate(tracking: citizen.tracking, token: citizen.token)
        }
    }
}
