import Foundation
import NafidhaContract
import Postgres
import Transparency

/// The public face of the signed audit logs: the key, the stored checkpoints, and consistency proofs between tree
/// sizes (`GET /v1/audit/public-key`, `/v1/audit/checkpoints`, `/v1/audit/proofs/consistency`). Checkpoints and
/// proofs come from the database and need no key; the public key needs the server's.
public struct SignedLogService: Sendable {
    /// Where the logs live.
    let pool: PostgresPool
    /// The server's signing key, nil when `serve` runs without one.
    let signer: LogSigner?

    /// A service over `pool`, with the server's `signer` if it has one.
    public init(pool: PostgresPool, signer: LogSigner?) {
        self.pool = pool
        self.signer = signer
    }

    /// The public key, and each municipality's verifier key.
    /// - Throws: 503 `signing_not_configured` without a key.
    public func publicKey() throws -> SignedLog.PublicKey {
        guard let signer else { throw NafidhaError(.signingNotConfigured) }
        let codes = try pool.withConnection { connection in
            try connection.queryPrepared("SELECT code FROM municipalities ORDER BY code", []).map {
                try $0.decode("code", as: String.self)
            }
        }
        return SignedLog.PublicKey(
            publicKey: Data(signer.publicKey.rawRepresentation).base64EncodedString(), host: signer.host,
            verifierKeys: try codes.map { code in
                let key = try signer.verifierKey(of: code)
                return SignedLog.VerifierKey(municipality: code, origin: key.name, verifierKey: key.encoded)
            })
    }

    /// The latest signed checkpoint of `municipality`'s log, or the one of tree size `size`.
    /// - Throws: `municipality_required`, `unknown_municipality`, `checkpoint_not_found`.
    public func checkpoint(municipality: String?, size: UInt64? = nil) throws -> SignedLog.Checkpoint {
        try pool.withConnection { connection in
            let code = try Self.municipality(municipality, on: connection)
            let rows = try connection.queryPrepared(
                """
                SELECT tree_size, root_hash, signed_at, note FROM audit_log_checkpoints
                 WHERE municipality_code = $1 AND ($2::bigint IS NULL OR tree_size = $2)
                 ORDER BY tree_size DESC LIMIT 1
                """,
                [code, size.map { Int64($0) }]
            )
            guard let row = rows.first else { throw NafidhaError(.checkpointNotFound) }
            return SignedLog.Checkpoint(
                municipality: code, treeSize: try row.decode("tree_size"),
                rootHash: Data(try row.decode("root_hash", as: [UInt8].self)).base64EncodedString(),
                signedAt: try row.decode("signed_at"), note: try row.decode("note"))
        }
    }

    /// The proof that `municipality`'s tree of `second` leaves extends its tree of `first`, with the signed
    /// checkpoints of those sizes when there are any. `second` may not pass the latest signed checkpoint.
    /// - Throws: `municipality_required`, `unknown_municipality`, `tree_sizes_out_of_order`, `tree_size_not_logged`.
    public func consistencyProof(municipality: String?, first: UInt64, second: UInt64) throws
        -> SignedLog.ConsistencyProof
    {
        guard first >= 1, second >= 1 else { throw NafidhaError(.invalidTreeSize) }
        guard first <= second else { throw NafidhaError(.treeSizesOutOfOrder) }
        return try pool.withTransaction(isolation: .repeatableRead) { connection in
            let code = try Self.municipality(municipality, on: connection)
            let notes = try connection.queryPrepared(
                """
                SELECT (SELECT max(tree_size) FROM audit_log_checkpoints WHERE municipality_code = $1) AS latest,
                       (SELECT note FROM audit_log_checkpoints WHERE municipality_code = $1 AND tree_size = $2)
                           AS first_note,
                       (SELECT note FROM audit_log_checkpoints WHERE municipality_code = $1 AND tree_size = $3)
                           AS second_note
                """,
                [code, Int64(first), Int64(second)]
            )[0]
            guard let latest: Int64 = try notes.decode("latest"), second <= UInt64(latest) else {
                throw NafidhaError(.treeSizeNotLogged)
            }
            let proof = try AuditLogTree(municipality: code, connection: connection).consistencyProof(
                from: first, to: second)
            return SignedLog.ConsistencyProof(
                municipality: code, first: Int64(first), second: Int64(second), proof: proof.map(\.base64),
                firstCheckpoint: try notes.decode("first_note"), secondCheckpoint: try notes.decode("second_note"))
        }
    }

    /// A tree size as a query parameter spells it: a whole number from 1 to 2^63 − 1.
    /// - Throws: 400 `invalid_tree_size`.
    public static func treeSize(_ text: String) throws -> UInt64 {
        guard !text.isEmpty, text.utf8.count <= 19, text.utf8.allSatisfy({ (48...57).contains($0) }),
            let value = Int64(text), value >= 1
        else { throw NafidhaError(.invalidTreeSize) }
        return UInt64(value)
    }

    /// The code of a known municipality, as given in any case (`trp` is `TRP`).
    private static func municipality(_ text: String?, on connection: PostgresConnection) throws -> String {
        guard let text, !text.isEmpty else { throw NafidhaError(.municipalityRequired) }
        let code = String(text.uppercased().prefix(16))
        let known = try connection.queryPrepared("SELECT code FROM municipalities WHERE code = $1", [code])
        guard !known.isEmpty else {
            throw NafidhaError(.unknownMunicipality, message: ErrorCode.Message.unknownMunicipality(code: code))
        }
        return code
    }
}
