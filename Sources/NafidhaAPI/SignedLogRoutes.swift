import HTTP
import NafidhaContract
import NafidhaCore

/// The signed audit logs, public (docs/verification.md): `GET /v1/audit/public-key`,
/// `GET /v1/audit/checkpoints?municipality=CODE[&size=N]` and
/// `GET /v1/audit/proofs/consistency?municipality=CODE&first=M&second=N`.
struct SignedLogRoutes: Sendable {
    let signedLog: SignedLogService

    func register(on router: inout Router) {
        router.get("/v1/audit/public-key") { _, _ in
            try .json(encoding: try signedLog.publicKey())
        }
        router.get("/v1/audit/checkpoints") { request, _ in
            let size = try request.query["size"].map(SignedLogService.treeSize)
            return try .json(
                encoding: try signedLog.checkpoint(municipality: request.query["municipality"], size: size))
        }
        router.get("/v1/audit/proofs/consistency") { request, _ in
            let first = try SignedLogService.treeSize(request.query["first"] ?? "")
            let second = try SignedLogService.treeSize(request.query["second"] ?? "")
            return try .json(
                encoding: try signedLog.consistencyProof(
                    municipality: request.query["municipality"], first: first, second: second))
        }
    }
}
