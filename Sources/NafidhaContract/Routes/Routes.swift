/// Every route of the JSON API with its types (docs/api.md lists them). The server registers these templates; a
/// client builds its requests with the typed builders in `Routes+Targets.swift`, so no path is ever written twice.
/// (The Open311 façade under `/open311/v2/` follows the GeoReport v2 specification, in JSON and XML, and is not
/// part of this contract: docs/open311.md.)
public enum Routes {
    /// `GET /healthz`: the process is alive.
    public static let health = Route<NoBody, Health.Status>(.get, "/healthz")
    /// `GET /readyz`: the database answers.
    public static let readiness = Route<NoBody, Health.Readiness>(.get, "/readyz")

    /// `GET /v1/municipalities`.
    public static let municipalities = Route<NoBody, Catalog.MunicipalityList>(.get, "/v1/municipalities")
    /// `GET /v1/sectors`.
    public static let sectors = Route<NoBody, Catalog.SectorList>(.get, "/v1/sectors")
    /// `GET /v1/services?municipality=CODE`.
    public static let services = Route<NoBody, Catalog.ServiceList>(.get, "/v1/services")
    /// `GET /v1/services/{code}?municipality=CODE`.
    public static let service = Route<NoBody, Catalog.ServiceDetail>(.get, "/v1/services/:code")
    /// `GET /v1/catalog/version`: the catalog version in force, for caches and integrators to watch.
    public static let catalogVersion = Route<NoBody, Catalog.Version>(.get, "/v1/catalog/version")
    /// `GET /v1/admin/catalog` (admins): the live catalog as a catalog file (docs/catalog.md), read as its bytes.
    public static let catalogFile = Route<NoBody, RawBody>(.get, "/v1/admin/catalog")
    /// `POST /v1/admin/catalog?dry_run=true|false` (admins): the body is a catalog file; validates it, answers the
    /// change, and applies it unless `dry_run`.
    public static let applyCatalog = Route<RawBody, Catalog.ApplyResult>(.post, "/v1/admin/catalog")

    /// `POST /v1/requests`: a citizen files a request.
    public static let submit = Route<Intake.Submission, Intake.Receipt>(.post, "/v1/requests")
    /// `GET /v1/requests/{tracking}` with the citizen's access token.
    public static let trackedRequest = Route<NoBody, Tracking.Request>(.get, "/v1/requests/:tracking")
    /// `POST /v1/requests/{tracking}/replies`: the citizen answers a request for information.
    public static let reply = Route<Tracking.ReplyBody, Tracking.Request>(.post, "/v1/requests/:tracking/replies")
    /// `POST /v1/requests/{tracking}/cancel`: the citizen cancels before any decision.
    public static let cancel = Route<NoBody, Tracking.Request>(.post, "/v1/requests/:tracking/cancel")

    /// `GET /v1/staff/me`.
    public static let staffMe = Route<NoBody, Staff.Member>(.get, "/v1/staff/me")
    /// `GET /v1/staff/queues`.
    public static let queues = Route<NoBody, Staff.QueueList>(.get, "/v1/staff/queues")
    /// `GET /v1/staff/tasks?...`.
    public static let tasks = Route<NoBody, Staff.TaskPage>(.get, "/v1/staff/tasks")
    /// `POST /v1/staff/tasks/claim-next`.
    public static let claimNext = Route<Staff.ClaimNextBody, Staff.QueueTask>(.post, "/v1/staff/tasks/claim-next")
    /// `POST /v1/staff/tasks/{id}/claim`.
    public static let claim = Route<Staff.VersionBody, Staff.QueueTask>(.post, "/v1/staff/tasks/:task/claim")
    /// `POST /v1/staff/tasks/{id}/release`.
    public static let release = Route<Staff.VersionBody, Staff.QueueTask>(.post, "/v1/staff/tasks/:task/release")
    /// `POST /v1/staff/tasks/{id}/reassign` (supervisors).
    public static let reassign = Route<Staff.ReassignBody, Staff.QueueTask>(.post, "/v1/staff/tasks/:task/reassign")
    /// `POST /v1/staff/tasks/{id}/approve`.
    public static let approve = Route<Staff.ApproveBody, Staff.QueueTask>(.post, "/v1/staff/tasks/:task/approve")
    /// `POST /v1/staff/tasks/{id}/reject`.
    public static let reject = Route<Staff.RejectBody, Staff.QueueTask>(.post, "/v1/staff/tasks/:task/reject")
    /// `POST /v1/staff/tasks/{id}/request-info`.
    public static let requestInfo = Route<Staff.RequestInfoBody, Staff.QueueTask>(
        .post, "/v1/staff/tasks/:task/request-info")
    /// `POST /v1/staff/tasks/{id}/forward`.
    public static let forward = Route<Staff.ForwardBody, Staff.QueueTask>(.post, "/v1/staff/tasks/:task/forward")
    /// `GET /v1/staff/requests?national_id=|phone=|name=`: the requests of an applicant the caller may see, with
    /// their personal data (audited).
    public static let searchRequests = Route<NoBody, Staff.RequestSearchPage>(.get, "/v1/staff/requests")
    /// `GET /v1/staff/requests/{tracking}`: the request with the applicant's data (audited).
    public static let staffRequest = Route<NoBody, Staff.RequestView>(.get, "/v1/staff/requests/:tracking")
    /// `POST /v1/staff/requests/{tracking}/notes`.
    public static let addNote = Route<Staff.NoteBody, Staff.Note>(.post, "/v1/staff/requests/:tracking/notes")
    /// `GET /v1/staff/requests/{tracking}/notifications`: the request's notifications and their delivery state.
    public static let requestNotifications = Route<NoBody, Staff.NotificationList>(
        .get, "/v1/staff/requests/:tracking/notifications")

    /// `POST /v1/staff/bills/{number}/payments` (cashiers): the whole amount due, taken at the counter.
    public static let pay = Route<Payments.PaymentBody, Payments.Receipt>(.post, "/v1/staff/bills/:bill/payments")
    /// `POST /v1/staff/bills/{number}/refunds` (cashiers): the refund of a bill due for one was given.
    public static let refund = Route<Payments.RefundBody, Payments.Bill>(.post, "/v1/staff/bills/:bill/refunds")
    /// `POST /v1/staff/receipts/{number}/cancel` (supervisors): the receipt stays, marked cancelled; its bill is unpaid.
    public static let cancelReceipt = Route<Payments.CancelReceiptBody, Payments.Receipt>(
        .post, "/v1/staff/receipts/:receipt/cancel")
    /// `POST /v1/payments/callbacks/{provider}`: a payment provider's signed callback (no staff token; the body is
    /// read as its bytes, which the signature covers, then as `Payments.Callback`).
    public static let paymentCallback = Route<RawBody, Payments.CallbackResult>(
        .post, "/v1/payments/callbacks/:provider")

    /// `GET /v1/events?after=CURSOR&limit=N&type=...`: the event feed (staff token, scoped).
    public static let events = Route<NoBody, Events.Page>(.get, "/v1/events")

    /// `GET /v1/reports/sla?format=json`.
    public static let slaReport = Route<NoBody, Reports.Document<Reports.SLARow>>(.get, reportPath)
    /// `GET /v1/reports/backlog?format=json`.
    public static let backlogReport = Route<NoBody, Reports.Document<Reports.BacklogRow>>(.get, reportPath)
    /// `GET /v1/reports/throughput?format=json`.
    public static let throughputReport = Route<NoBody, Reports.Document<Reports.ThroughputRow>>(.get, reportPath)
    /// `GET /v1/reports/misroutes?format=json`.
    public static let misroutesReport = Route<NoBody, Reports.Document<Reports.MisrouteRow>>(.get, reportPath)
    /// `GET /v1/reports/payments?format=json`.
    public static let paymentsReport = Route<NoBody, Reports.Document<Reports.PaymentsRow>>(.get, reportPath)
    /// `GET /v1/reports/reconciliation?format=json`.
    public static let reconciliationReport = Route<NoBody, Reports.Document<Reports.ReconciliationRow>>(
        .get, reportPath)
    /// `GET /v1/reports/{name}?format=csv|json|html`: any report in any format, read as the bytes the server wrote.
    public static let renderedReport = Route<NoBody, RawBody>(.get, reportPath)
    /// `GET /v1/audit/verify[?full=true]`: the live audit chains in the caller's scope.
    public static let auditVerify = Route<NoBody, Audit.Verification>(.get, "/v1/audit/verify")
    /// `GET /v1/audit/export?format=...`: chained events streamed as JSON lines or CSV, the export's id in the
    /// `Nafidha-Export-Id` header.
    public static let auditExport = Route<NoBody, Audit.ExportFile>(.get, "/v1/audit/export")
    /// `GET /v1/audit/export/manifest?export=ID`: the manifest of an export streamed to the caller.
    public static let auditExportManifest = Route<NoBody, Audit.ExportManifest>(.get, "/v1/audit/export/manifest")

    /// Every report shares one template; its name is the parameter.
    static let reportPath = "/v1/reports/:name"

    /// The path prefixes of the routes that need a staff bearer token (the staff API, reports, the audit trail, the
    /// event feed, the admins' catalog file): a server authenticates every request under them, requests for unknown
    /// paths included, but the routes of `publicAuditTemplates`.
    public static let staffPrefixes = ["/v1/staff", "/v1/reports", "/v1/audit", "/v1/events", "/v1/admin"]

    /// Every template above, once each, in the order listed.
    public static let all: [RouteTemplate] = {
        let templates =
            [
                health.template, readiness.template, municipalities.template, sectors.template, services.template,
                service.template, catalogVersion.template, catalogFile.template, applyCatalog.template, submit.template,
                trackedRequest.template, reply.template, cancel.template,
                staffMe.template, queues.template, tasks.template, claimNext.template, claim.template, release.template,
                reassign.template, approve.template, reject.template, requestInfo.template, forward.template,
                searchRequests.template, staffRequest.template, addNote.template, requestNotifications.template,
                pay.template, refund.template, cancelReceipt.template, paymentCallback.template, events.template,
                slaReport.template, backlogReport.template,
                throughputReport.template,
                misroutesReport.template, paymentsReport.template, reconciliationReport.template,
                renderedReport.template, auditVerify.template, auditExport.template,
                auditExportManifest.template,
            ] + decisionTemplates + counterTemplates + appealTemplates + citizenTemplates + documentTemplates
        var seen = Set<RouteTemplate>()
        return templates.filter { seen.insert($0).inserted }
    }()
}
