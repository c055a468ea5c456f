import HTTP
import NafidhaCore

/// Builds the router of every Nafidha HTTP route over the service layer.
public enum APIRouter {
    /// The router for `nafidha serve`: health probes and the public API over `services`, with errors rendered as
    /// localized JSON. The only place routes are given their services.
    public static func make(services: NafidhaServices) -> Router {
        var router = Router()
        router.use(ErrorRendering())
        HealthRoutes(health: services.health).register(on: &router)
        CatalogRoutes(catalog: services.catalog).register(on: &router)
        SubmissionRoutes(submissions: services.submissions).register(on: &router)
        RequestTrackingRoutes(tracking: services.tracking, engine: services.engine).register(on: &router)
        Open311Routes(
            catalog: services.open311Catalog, requests: services.open311Requests, intake: services.open311Intake
        ).register(on: &router)
        let staff = StaffAuthentication(directory: services.staff)
        QueueRoutes(authentication: staff, queues: services.queues, engine: services.engine).register(on: &router)
        StaffActionRoutes(authentication: staff, engine: services.engine).register(on: &router)
        RequestSearchRoutes(authentication: staff, search: services.search).register(on: &router)
        ReportRoutes(authentication: staff, reports: services.reports, audit: services.audit).register(on: &router)
        CatalogFileRoutes(authentication: staff, files: services.catalogFiles).register(on: &router)
        return router
    }
}
