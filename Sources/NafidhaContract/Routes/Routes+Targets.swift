extension Routes {
    /// `GET /v1/services?municipality=CODE`.
    public static func services(municipality: String) -> RouteTarget<NoBody, Catalog.ServiceList> {
        services.target(query: [QueryItem("municipality", municipality)])
    }

    /// `GET /v1/services/{code}?municipality=CODE`.
    public static func service(_ code: String, municipality: String) -> RouteTarget<NoBody, Catalog.ServiceDetail> {
        service.target(code, query: [QueryItem("municipality", municipality)])
    }

    /// `POST /v1/admin/catalog?dry_run=true|false`.
    public static func applyCatalog(dryRun: Bool) -> RouteTarget<RawBody, Catalog.ApplyResult> {
        applyCatalog.target(query: [QueryItem("dry_run", dryRun ? "true" : "false")])
    }

    /// `GET /v1/requests/{tracking}`.
    public static func trackedRequest(_ tracking: String) -> RouteTarget<NoBody, Tracking.Request> {
        trackedRequest.target(tracking)
    }

    /// `POST /v1/requests/{tracking}/replies`.
    public static func reply(_ tracking: String) -> RouteTarget<Tracking.ReplyBody, Tracking.Request> {
        reply.target(tracking)
    }

    /// `POST /v1/requests/{tracking}/cancel`.
    public static func cancel(_ tracking: String) -> RouteTarget<NoBody, Tracking.Request> {
        cancel.target(tracking)
    }

    /// `GET /v1/staff/tasks` with `query`.
    public static func tasks(_ query: Staff.TaskQuery) -> RouteTarget<NoBody, Staff.TaskPage> {
        tasks.target(query: query.items)
    }

    /// `POST /v1/staff/tasks/{id}/claim`.
    public static func claim(task: Int64) -> RouteTarget<Staff.VersionBody, Staff.QueueTask> {
        claim.target(String(task))
    }

    /// `POST /v1/staff/tasks/{id}/release`.
    public static func release(task: Int64) -> RouteTarget<Staff.VersionBody, Staff.QueueTask> {
        release.target(String(task))
    }

    /// `POST /v1/staff/tasks/{id}/reassign`.
    public static func reassign(task: Int64) -> RouteTarget<Staff.ReassignBody, Staff.QueueTask> {
        reassign.target(String(task))
    }

    /// `POST /v1/staff/tasks/{id}/approve`.
    public static func approve(task: Int64) -> RouteTarget<Staff.ApproveBody, Staff.QueueTask> {
        approve.target(String(task))
    }

    /// `POST /v1/staff/tasks/{id}/reject`.
    public static func reject(task: Int64) -> RouteTarget<Staff.RejectBody, Staff.QueueTask> {
        reject.target(String(task))
    }

    /// `POST /v1/staff/tasks/{id}/request-info`.
    public static func requestInfo(task: Int64) -> RouteTarget<Staff.RequestInfoBody, Staff.QueueTask> {
        requestInfo.target(String(task))
    }

    /// `POST /v1/staff/tasks/{id}/forward`.
    public static func forward(task: Int64) -> RouteTarget<Staff.ForwardBody, Staff.QueueTask> {
        forward.target(String(task))
    }

    /// `GET /v1/staff/requests/{tracking}`.
    public static func staffRequest(_ tracking: String) -> RouteTarget<NoBody, Staff.RequestView> {
        staffRequest.target(tracking)
    }

    /// `POST /v1/staff/requests/{tracking}/notes`.
    public static func addNote(_ tracking: String) -> RouteTarget<Staff.NoteBody, Staff.Note> {
        addNote.target(tracking)
    }

    /// `POST /v1/staff/bills/{number}/payments`.
    public static func pay(bill number: String) -> RouteTarget<Payments.PaymentBody, Payments.Receipt> {
        pay.target(number)
    }

    /// `POST /v1/staff/bills/{number}/refunds`.
    public static func refund(bill number: String) -> RouteTarget<Payments.RefundBody, Payments.Bill> {
        refund.target(number)
    }

    /// `POST /v1/staff/receipts/{number}/cancel`.
    public static func cancelReceipt(_ number: String) -> RouteTarget<Payments.CancelReceiptBody, Payments.Receipt> {
        cancelReceipt.target(number)
    }

    /// `GET /v1/staff/requests/{tracking}/notifications`.
    public static func requestNotifications(_ tracking: String) -> RouteTarget<NoBody, Staff.NotificationList> {
        requestNotifications.target(tracking)
    }

    /// `GET /v1/events` from `after` (the start of the feed when nil), at most `limit` events, of `types` only when
    /// some are given.
    public static func events(
        after: String?, limit: Int? = nil, types: [NotificationEventType] = []
    ) -> RouteTarget<NoBody, Events.Page> {
        var query: [QueryItem] = []
        if let after { query.append(QueryItem("after", after)) }
        if let limit { query.append(QueryItem("limit", String(limit))) }
        query += types.map { QueryItem("type", $0.rawValue) }
        return events.target(query: query)
    }

    /// `GET /v1/reports/sla?format=json&...`.
    public static func slaReport(_ query: Reports.Query) -> RouteTarget<NoBody, Reports.Document<Reports.SLARow>> {
        slaReport.target(Reports.Name.sla.rawValue, query: query.items)
    }

    /// `GET /v1/reports/backlog?format=json&...`.
    public static func backlogReport(
        _ query: Reports.Query
    ) -> RouteTarget<NoBody, Reports.Document<Reports.BacklogRow>> {
        backlogReport.target(Reports.Name.backlog.rawValue, query: query.items)
    }

    /// `GET /v1/reports/throughput?format=json&...`.
    public static func throughputReport(
        _ query: Reports.Query
    ) -> RouteTarget<NoBody, Reports.Document<Reports.ThroughputRow>> {
        throughputReport.target(Reports.Name.throughput.rawValue, query: query.items)
    }

    /// `GET /v1/reports/misroutes?format=json&...`.
    public static func misroutesReport(
        _ query: Reports.Query
    ) -> RouteTarget<NoBody, Reports.Document<Reports.MisrouteRow>> {
        misroutesReport.target(Reports.Name.misroutes.rawValue, query: query.items)
    }

    /// `GET /v1/reports/payments?format=json&...`.
    public static func paymentsReport(_ query: Reports.Query) -> RouteTarget<
        NoBody, Reports.Document<Reports.PaymentsRow>
    > {
        paymentsReport.target(Reports.Name.payments.rawValue, query: query.items)
    }

    /// `GET /v1/reports/reconciliation?format=json&...`.
    public static func reconciliationReport(_ query: Reports.Query)
        -> RouteTarget<NoBody, Reports.Document<Reports.ReconciliationRow>>
    {
        reconciliationReport.target(Reports.Name.reconciliation.rawValue, query: query.items)
    }

    /// `GET /v1/reports/{name}?format=...&...`: the report as the server renders it in `format` (with a byte order
    /// mark first for `excel` CSV), read as bytes.
    public static func renderedReport(
        _ name: Reports.Name, _ query: Reports.Query, format: Reports.Format, excel: Bool = false
    ) -> RouteTarget<NoBody, RawBody> {
        var items = query.items.map { $0.name == "format" ? QueryItem("format", format.rawValue) : $0 }
        if excel { items.append(QueryItem("excel", "true")) }
        return renderedReport.target(name.rawValue, query: items)
    }

    /// `GET /v1/staff/requests?national_id=|phone=|name=...`.
    public static func searchRequests(_ query: Staff.RequestSearchQuery) -> RouteTarget<NoBody, Staff.RequestSearchPage>
    {
        searchRequests.target(query: query.items)
    }

    /// `GET /v1/audit/verify`, with `full=true` to walk every chain from genesis rather than from its checkpoint.
    public static func auditVerification(full: Bool = false) -> RouteTarget<NoBody, Audit.Verification> {
        auditVerify.target(query: full ? [QueryItem("full", "true")] : [])
    }

    /// `GET /v1/audit/export?format=...&from=...&to=...&municipality=...&unmasked=true`.
    public static func auditExport(_ query: Audit.ExportQuery) -> RouteTarget<NoBody, Audit.ExportFile> {
        auditExport.target(query: query.items)
    }

    /// `GET /v1/audit/export/manifest?export=ID`.
    public static func auditExportManifest(export id: String) -> RouteTarget<NoBody, Audit.ExportManifest> {
        auditExportManifest.target(query: [QueryItem("export", id)])
    }
}
