import HTTP
import NafidhaContract
import NafidhaCore

/// Builds the router of every Nafidha HTTP route over the service layer.
public enum APIRouter {
    /// The router for `nafidha serve`: health probes and the public API over `services`, the JSON routes
    /// registered from the contract's templates, the staff routes in groups behind one authentication, errors
    /// rendered as localized JSON. The only place routes are given their services.
    public static func make(services: NafidhaServices) -> HTTPRouter<APIContext> {
        make(services: services, verificationLimits: VerificationLimits())
    }

    /// The router of `make(services:)` with the public verification's rate limits set.
    public static func make(services: NafidhaServices, verificationLimits: VerificationLimits) -> HTTPRouter<APIContext>
    {
        let router = HTTPRouter(context: APIContext.self)
        router.use(ErrorRendering())
        let api = ContractRouter(router)
        HealthRoutes(health: services.health).register(on: api)
        CatalogRoutes(catalog: services.catalog).register(on: api)
        SubmissionRoutes(submissions: services.submissions).register(on: api)
        RequestTrackingRoutes(tracking: services.tracking, engine: services.engine).register(on: api)
        DecisionRoutes(decisions: services.decisions).register(on: api)
        let limiter = VerificationRateLimiter(settings: verificationLimits)
        VerificationRoutes(decisions: services.decisions, limiter: limiter).register(on: api)
        // Under /v1/audit but public (`Routes.publicAuditTemplates`): registered on the router, outside the groups.
        SignedLogRoutes(signedLog: services.signedLog).register(on: api)
        Open311Routes(
            catalog: services.open311Catalog, requests: services.open311Requests, intake: services.open311Intake
        ).register(on: router)
        let staff = api.groups(Routes.staffPrefixes, middleware: StaffAuthentication(directory: services.staff))
        QueueRoutes(queues: services.queues, engine: services.engine).register(on: staff)
        StaffActionRoutes(engine: services.engine).register(on: staff)
        RequestSearchRoutes(search: services.search).register(on: staff)
        ReportRoutes(reports: services.reports).register(on: staff)
        AuditRoutes(verifier: services.audit, exports: services.auditExports).register(on: staff)
        CatalogFileRoutes(files: services.catalogFiles).register(public: api, staff: staff)
        return router
    }
}
