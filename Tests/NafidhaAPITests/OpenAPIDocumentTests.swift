import HTTP
import NafidhaAPI
import NafidhaContract
import NafidhaCore
import Postgres
import Testing

/// docs/openapi.yaml, the contract integrators load, against the routes the server registers and the contract.
@Suite("OpenAPI document")
struct OpenAPIDocumentTests {
    /// The routes of the server's router as operations. Building the router opens no connection, so the pool points
    /// nowhere.
    private static func registeredOperations() -> Set<OpenAPIDocument.Operation> {
        let pool = PostgresPool(conninfo: "host=/nonexistent-openapi-test dbname=nafidha connect_timeout=1")
        defer { pool.close() }
        return Set(
            APIRouter.make(services: NafidhaServices(pool: pool)).routes.map {
                .init(method: $0.method, path: $0.openAPIPath)
            })
    }

    /// HEAD is implied by GET: the router answers HEAD on every GET route, so the document need not list it. A HEAD
    /// beside a GET on the same path is dropped (on either side); a HEAD alone is compared like any other method.
    private static func withoutImpliedHEAD(_ operations: Set<OpenAPIDocument.Operation>) -> Set<
        OpenAPIDocument.Operation
    > {
        operations.filter { $0.method != "HEAD" || !operations.contains(.init(method: "GET", path: $0.path)) }
    }

    @Test("every route the router registers is an operation of docs/openapi.yaml, and every operation a route")
    func operationsAreTheRoutes() throws {
        let registered = Self.withoutImpliedHEAD(Self.registeredOperations())
        let documented = Self.withoutImpliedHEAD(try OpenAPIDocument.load().operations())
        #expect(registered.count > 30, "the router registers the whole API")
        for operation in registered.subtracting(documented).sorted() {
            Issue.record("\(operation) is registered by the router but missing from docs/openapi.yaml")
        }
        for operation in documented.subtracting(registered).sorted() {
            Issue.record("\(operation) is in docs/openapi.yaml but no route of the router answers it")
        }
    }

    @Test("the Error schema's code is an enum of exactly the contract's ErrorCode values")
    func errorCodesAreTheContracts() throws {
        let documented = try OpenAPIDocument.load().stringEnum(
            at: ["components", "schemas", "Error", "properties", "error", "properties", "code"])
        #expect(documented.count == Set(documented).count, "the enum lists a code twice")
        let known = Set(ErrorCode.allCases.map(\.rawValue))
        for code in known.subtracting(documented).sorted() {
            Issue.record("ErrorCode.\(code) is missing from the Error schema's code enum in docs/openapi.yaml")
        }
        for code in Set(documented).subtracting(known).sorted() {
            Issue.record("docs/openapi.yaml's Error code enum has \(code), which ErrorCode does not")
        }
    }
}
