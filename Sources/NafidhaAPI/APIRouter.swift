import HTTP
import NafidhaContract
import NafidhaCore

/// Builds the router of every Nafidha HTTP route over the service layer.
public enum APIRouter {
    /// The API's own limits (docs/api.md, "Limits" and "Throttling"), beside the HTTP server's.
    public struct Settings: Sendable {
        /// The shape a JSON body must keep within.
        public var jsonLimits = JSONBodyLimits()
        /// Failed authentications allowed per client, for citizens' access tokens and for staff tokens alike.
        public var authFailures = FailedAuthThrottle.Settings()
        /// The public verification's rate limits.
        public var verification = VerificationLimits()

        /// The defaults.
        public init() {}
    }

    /// The router for `nafidha serve`: health probes and the public API over `services`, the JSON routes
    /// registered from the contract's templates, the staff routes in groups behind one authentication, errors
    /// rendered as localized JSON, the API's response headers on every answer. The only place routes are given
    /// their services.
    public static func make(services: NafidhaServices, settings: Settings = Settings()) -> HTTPRouter<APIContext> {
        let router = HTTPRouter(context: APIContext.self)
        router.use(ResponseHeaders())
        router.use(ErrorRendering())
        let api = ContractRouter(router, limits: settings.jsonLimits)
        HealthRoutes(health: services.health).register(on: api)
        CatalogRoutes(catalog: services.catalog).register(on: api)
        SubmissionRoutes(submissions: services.submissions).register(on: api)
        // One count of failed citizen tokens for every route that reads one.
        let citizens = FailedAuthThrottle(.citizen, settings: settings.authFailures)
        let trackingRoutes = RequestTrackingRoutes(
            tracking: services.tracking, engine: services.engine, throttle: citizens)
        trackingRoutes.register(on: api)
        let documentRoutes = DocumentRoutes(
            uploads: services.uploads, documents: services.documents, tracking: trackingRoutes,
            engine: services.engine)
        documentRoutes.register(public: api)
        DecisionRoutes(decisions: services.decisions, throttle: citizens).register(on: api)
        let appeals = AppealRoutes(
            tracking: services.tracking, engine: services.engine, queues: services.queues, throttle: citizens)
        appeals.register(citizen: api)
        CitizenRoutes(
            signIn: services.citizenSignIn, requests: services.citizenRequests, tracking: services.tracking,
            ratings: services.ratings, throttle: citizens
        ).register(on: api)
        let limiter = VerificationRateLimiter(settings: settings.verification)
        VerificationRoutes(decisions: services.decisions, limiter: limiter).register(on: api)
        // Under /v1/audit but public (`Routes.publicAuditTemplates`): registered on the router, outside the groups.
        SignedLogRoutes(signedLog: services.signedLog).register(on: api)
        Open311Routes(
            catalog: services.open311Catalog, requests: services.open311Requests, intake: services.open311Intake,
            maximumFormParameters: settings.jsonLimits.maximumMembers
        ).register(on: router)
        let authentication = StaffAuthentication(
            directory: services.staff, throttle: FailedAuthThrottle(.staff, settings: settings.authFailures))
        let staff = api.groups(Routes.staffPrefixes, middleware: authentication)
        QueueRoutes(queues: services.queues, engine: services.engine).register(on: staff)
        StaffActionRoutes(engine: services.engine).register(on: staff)
        ModerationRoutes(moderation: services.moderation).register(on: staff)
        RequestSearchRoutes(search: services.search).register(on: staff)
        CounterRoutes(submissions: services.submissions).register(on: staff)
        appeals.register(staff: staff)
        ReportRoutes(reports: services.reports).register(on: staff)
        AuditRoutes(verifier: services.audit, exports: services.auditExports).register(on: staff)
        EventRoutes(events: services.events, notifications: services.notifications).register(on: staff)
        CatalogFileRoutes(files: services.catalogFiles).register(public: api, staff: staff)
        documentRoutes.register(staff: staff)
        PaymentRoutes(engine: services.engine, callbacks: services.payments).register(public: api, staff: staff)
        return router
    }
}
