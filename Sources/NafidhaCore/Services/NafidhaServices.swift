import Postgres

/// Every service of the server, built once from the pool: what `APIRouter.make(services:)` hands to the routes,
/// which therefore never see a pool or a connection. Each service is a value over the pool; all are synchronous and
/// run on threads we own.
public struct NafidhaServices: Sendable {
    /// The settings of the services that have any.
    public struct Settings: Sendable {
        /// The workflow engine's bounds and lease.
        public var engine = WorkflowEngine.Settings()
        /// Queue listings' page sizes.
        public var queues = QueueService.Settings()
        /// Request searches' page sizes.
        public var search = RequestSearch.Settings()
        /// Staff tokens' lifetimes.
        public var staff = StaffDirectory.Settings()
        /// How much one SLA sweep does.
        public var sweep = EscalationSweep.Settings()
        /// The live chain verifiers' limits.
        public var verification = AuditVerificationQueue.Settings()
        /// The audit exports' limits.
        public var exports = AuditExportService.Settings()
        /// The key that signs the audit logs and decisions (`NAFIDHA_SIGNING_KEY_FILE`); nil: no signing.
        public var signer: LogSigner?
        /// How long a catalog apply waits for another.
        public var catalogFiles = CatalogFiles.Settings()
        /// When reads go to the replica (if there is one).
        public var replica = ReadRouting.Settings()
        /// Citizens' sign-in limits.
        public var citizenSignIn = CitizenSignIn.Limits()
        /// "My requests" page sizes.
        public var citizenRequests = CitizenRequests.Settings()
        /// The largest upload accepted (`NAFIDHA_UPLOAD_MAX_BYTES`).
        public var uploadMaxBytes = UploadService.defaultMaxBytes

        /// The defaults of each service.
        public init() {}
    }

    /// The catalog: municipalities, sectors, services and forms.
    public let catalog: CatalogReader
    /// The catalog as a file: export, apply (admins), versions.
    public let catalogFiles: CatalogFiles
    /// The catalog snapshot both intakes file against (`serve` loads it at start).
    public let catalogSnapshots: CatalogStore
    /// Filing requests.
    public let submissions: SubmissionService
    /// The citizen's view of a request, behind its access token.
    public let tracking: RequestTracking
    /// Every transition of tasks and requests, notes, and the audited staff view of a request.
    public let engine: WorkflowEngine
    /// Queue listings and counts for staff.
    public let queues: QueueService
    /// Requests found by their applicant (audited).
    public let search: RequestSearch
    /// Staff accounts and tokens.
    public let staff: StaffDirectory
    /// The auditors' reports.
    public let reports: ReportReader
    /// Verification of the audit chains in the database.
    public let audit: AuditVerifier
    /// Exports of the audit trail.
    public let auditExports: AuditExportService
    /// The Open311 catalog of public-report services.
    public let open311Catalog: Open311Catalog
    /// The Open311 views of public-report requests.
    public let open311Requests: Open311Requests
    /// Open311 submissions.
    public let open311Intake: Open311Intake
    /// Where reports and Open311 lists are read: the replica when one is current, else the primary.
    public let reads: ReadRouting
    /// The readiness probe.
    public let health: DatabaseHealth
    /// What `/metrics` reads of the pool and the database.
    public let metrics: OperationalMetrics
    /// The SLA sweep over the engine.
    public let sweep: EscalationSweep
    /// The event feed (`GET /v1/events`).
    public let events: EventFeed
    /// Notifications and their delivery state.
    public let notifications: NotificationLedger
    /// Webhook subscriptions.
    public let webhooks: WebhookRegistry
    /// Staff members' contacts for escalations and deadlines.
    public let staffContacts: StaffContacts
    /// Decision documents and their public verification.
    public let decisions: DecisionService
    /// The signed audit logs' key, checkpoints and proofs.
    public let signedLog: SignedLogService
    /// Citizens' phone sign-in: codes by SMS and sessions.
    public let citizenSignIn: CitizenSignIn
    /// The requests of a signed-in citizen's phone.
    public let citizenRequests: CitizenRequests
    /// Applicants' ratings of decided requests.
    public let ratings: RequestRatings
    /// Moderation of public texts (descriptions, public notes).
    public let moderation: RequestModeration
    /// Uploaded files (`POST /v1/uploads`).
    public let uploads: UploadService
    /// Requests' documents, for citizens and for the bytes of downloads.
    public let documents: DocumentReader
    /// The clean-up of unattached uploads and orphaned bytes.
    public let uploadSweep: UploadSweep

    /// Payment providers and their callbacks (docs/payments.md).
    public let payments: PaymentCallbacks

    /// Every service over `pool`, reports and Open311 lists over `replica` when it is given and current.
    public init(pool: PostgresPool, replica: PostgresPool? = nil, settings: Settings = Settings()) {
        let engine = WorkflowEngine(pool: pool, settings: settings.engine)
        let reads = ReadRouting(primary: pool, replica: replica, settings: settings.replica)
        self.reads = reads
        catalog = CatalogReader(pool: pool)
        catalogFiles = CatalogFiles(pool: pool, settings: settings.catalogFiles)
        catalogSnapshots = CatalogStore(pool: pool)
        submissions = SubmissionService(pool: pool, catalog: catalogSnapshots)
        tracking = RequestTracking(pool: pool)
        self.engine = engine
        queues = QueueService(pool: pool, settings: settings.queues)
        search = RequestSearch(pool: pool, settings: settings.search)
        staff = StaffDirectory(pool: pool, settings: settings.staff)
        reports = ReportReader(reads: reads)
        audit = AuditVerifier(pool: pool, settings: settings.verification)
        auditExports = AuditExportService(pool: pool, settings: settings.exports)
        open311Catalog = Open311Catalog(pool: pool)
        open311Requests = Open311Requests(pool: pool, reads: reads)
        open311Intake = Open311Intake(pool: pool, catalog: catalogSnapshots)
        health = DatabaseHealth(pool: pool, reads: reads)
        metrics = OperationalMetrics(pool: pool)
        sweep = EscalationSweep(engine: engine, settings: settings.sweep)
        events = EventFeed(reads: reads)
        notifications = NotificationLedger(pool: pool)
        webhooks = WebhookRegistry(pool: pool)
        staffContacts = StaffContacts(pool: pool)
        decisions = DecisionService(pool: pool, signer: settings.signer)
        signedLog = SignedLogService(pool: pool, signer: settings.signer)
        citizenSignIn = CitizenSignIn(pool: pool, limits: settings.citizenSignIn)
        citizenRequests = CitizenRequests(pool: pool, settings: settings.citizenRequests)
        ratings = RequestRatings(pool: pool)
        moderation = RequestModeration(pool: pool)
        uploads = UploadService(pool: pool, maxBytes: settings.uploadMaxBytes)
        documents = DocumentReader(pool: pool)
        uploadSweep = UploadSweep(pool: pool)
        payments = PaymentCallbacks(pool: pool, engine: engine)
    }
}
