import HTTP
import NafidhaCore
import Postgres

/// Builds the router of every Nafidha HTTP route over the service layer.
public enum APIRouter {
    /// The router for `nafidha serve`: health probes and the public API, with errors rendered as localized JSON.
    /// Both intakes (JSON and Open311) file against `catalog`.
    public static func make(pool: PostgresPool, catalog: CatalogStore) -> Router {
        var router = Router()
        router.use(ErrorRendering())
        HealthRoutes(health: DatabaseHealth(pool: pool)).register(on: &router)
        CatalogRoutes(pool: pool).register(on: &router)
        SubmissionRoutes(submissions: SubmissionService(pool: pool, catalog: catalog)).register(on: &router)
        RequestTrackingRoutes(tracking: RequestTracking(pool: pool), engine: WorkflowEngine(pool: pool)).register(
            on: &router)
        Open311Routes(pool: pool, catalog: catalog).register(on: &router)
        let staff = StaffAuthentication(directory: StaffDirectory(pool: pool))
        QueueRoutes(authentication: staff, queues: QueueService(pool: pool)).register(on: &router)
        StaffActionRoutes(authentication: staff, actions: TaskActions(pool: pool), pool: pool).register(on: &router)
        ReportRoutes(authentication: staff, pool: pool).register(on: &router)
        return router
    }

    /// The same router with a catalog store of its own, read on the first submission.
    public static func make(pool: PostgresPool) -> Router {
        make(pool: pool, catalog: CatalogStore(pool: pool))
    }
}
