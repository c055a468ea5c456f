import HTTP
import NafidhaContract
import NafidhaCore

/// The signed audit logs, public (docs/verification.md): `GET /v1/audit/public-key`,
/// `GET /v1/audit/checkpoints?municipality=CODE[&size=N]` and
/// `GET /v1/audit/proofs/consistency?municipality=CODE&first=M&second=N`. They sit under `/v1/audit` but need no
/// token (`Routes.publicAuditTemplates`): a bank or a witness reads them without an account.
struct SignedLogRoutes: Sendable {
    let signedLog: SignedLogService

    func register(on api: ContractRouter) {
        api.register(Routes.auditPublicKey) { _, _ in
            try signedLog.publicKey()
        }
        api.register(Routes.auditCheckpoint) { request, _ in
            let size = try request.query["size"].map(SignedLogService.treeSize)
            return try signedLog.checkpoint(municipality: request.query["municipality"], size: size)
        }
        api.register(Routes.auditConsistencyProof) { request, _ in
            let first = try SignedLogService.treeSize(request.query["first"] ?? "")
            let second = try SignedLogService.treeSize(request.query["second"] ?? "")
            return try signedLog.consistencyProof(
                municipality: request.query["municipality"], first: first, second: second)
        }
    }
}
