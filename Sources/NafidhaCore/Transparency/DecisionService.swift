import Foundation
import NafidhaContract
import Postgres
import Transparency

/// Decision documents and their public verification (docs/verification.md): the citizen's document of a decided
/// request (`GET /v1/requests/{tracking}/decision`), and whether a verification code or a document verifies
/// against this server's key and log (`GET /v1/verify/{code}`, `POST /v1/verify`).
///
/// A document exists once the request's `decided` event is chained and in a signed checkpoint: its inclusion
/// proof is against the latest checkpoint, and before answering the server checks the document as any verifier
/// would, so a store that drifted from the chain fails here rather than at a bank's counter.
public struct DecisionService: Sendable {
    /// Where requests, events and the logs live.
    let pool: PostgresPool
    /// Authenticates the citizen's tracking number and access token.
    let tracking: RequestTracking
    /// The server's signing key, nil when `serve` runs without one.
    let signer: LogSigner?

    /// A service over `pool`, with the server's `signer` if it has one.
    public init(pool: PostgresPool, signer: LogSigner?) {
        self.pool = pool
        self.tracking = RequestTracking(pool: pool)
        self.signer = signer
    }

    /// The host name the server's logs are under, for the page's verification address; nil without a key.
    public var host: String? { signer?.host }

    /// The decision document of request `number` for the holder of its access token `token`, with the applicant's
    /// name and masked national id.
    /// - Throws: 404 `request_not_found` (any authentication failure), 503 `signing_not_configured`,
    ///   409 `request_not_decided`, 409 `decision_not_yet_logged`.
    public func document(tracking number: String, token: String?) throws -> Decisions.Document {
        let citizen = try tracking.authenticate(tracking: number, token: token)
        let signer = try requireSigner()
        return try pool.withTransaction(isolation: .repeatableRead) { connection in
            let row = try connection.queryPrepared(
                """
                SELECT r.status, r.applicant_name, r.applicant_national_id, \(DecisionEvent.columns)
                  FROM requests r
                  -- The latest decision: a granted appeal reopens a request, which is then decided again.
                  LEFT JOIN LATERAL (SELECT * FROM audit_events d WHERE d.request_id = r.id AND d.action = 'decided'
                                      ORDER BY d.id DESC LIMIT 1) e ON true
                 WHERE r.id = $1
                """,
                [citizen.id]
            )[0]
            let status = try RequestStatus.decoded(from: row)
            guard status == .approved || status == .rejected else {
                throw NafidhaError(.requestNotDecided)
            }
            guard let event = try DecisionEvent.event(from: row) else { throw NafidhaError(.decisionNotYetLogged) }
            let applicant = Decisions.Applicant(
                name: try row.decode("applicant_name"),
                nationalIDMasked: (try row.decode("applicant_national_id", as: String?.self)).map(Self.masked))
            return try document(of: event, applicant: applicant, signer: signer, on: connection)
        }
    }

    /// Whether verification code `text` is one this server issued for a decision in its log; if so, the decision's
    /// document without the applicant.
    /// - Throws: 400 `invalid_verification_code` (malformed, truncated), 503 `signing_not_configured`,
    ///   404 `decision_not_found` (well-formed, but no decision of this server matches it).
    public func verify(code text: String) throws -> Decisions.Verification {
        guard let code = VerificationCode(parsing: text), code.leafIndex < UInt64(Int64.max) else {
            throw NafidhaError(.invalidVerificationCode)
        }
        let signer = try requireSigner()
        return try pool.withTransaction(isolation: .repeatableRead) { connection in
            let rows = try connection.queryPrepared(
                """
                SELECT \(DecisionEvent.columns) FROM audit_events e
                 WHERE e.municipality_code = $1 AND e.seq = $2 AND e.action = 'decided'
                """,
                [code.municipality, Int64(code.leafIndex) + 1]
            )
            // The signature covers the event's leaf hash: it holds only for the very event the code was issued for.
            guard let row = rows.first, let event = try DecisionEvent.event(from: row),
                code.isSigned(by: signer.publicKey, leafHash: event.leafHash)
            else { throw NafidhaError(.decisionNotFound) }
            let document = try document(of: event, applicant: nil, signer: signer, on: connection)
            guard document.verificationCode == code.description else { throw NafidhaError(.decisionNotFound) }
            return Decisions.Verification(valid: true, decision: document)
        }
    }

    /// Whether `document` verifies against this server's key (as `DecisionVerifier` checks it offline) and its
    /// checkpoint is a state of this server's log; if so, the document without its applicant.
    /// - Throws: 503 `signing_not_configured`.
    public func verify(document: Decisions.Document) throws -> Decisions.Verification {
        let signer = try requireSigner()
        var document = document
        document.applicant = nil
        let verified: DecisionVerifier.Verified
        do {
            verified = try DecisionVerifier.verify(document, trusting: .publicKey(signer.publicKey))
        } catch {
            return Decisions.Verification(valid: false, problem: error.name)
        }
        // A checkpoint signed by this key but not of this log's history (a fork) is caught here.
        let inLog = try pool.withConnection { connection in
            let tree = AuditLogTree(municipality: document.event.municipalityCode, connection: connection)
            let size = verified.checkpoint.size
            return try size <= tree.size() && tree.rootHash(size: size) == verified.checkpoint.rootHash
        }
        guard inLog else {
            return Decisions.Verification(valid: false, problem: DecisionProblem.checkpointsInconsistent.name)
        }
        return Decisions.Verification(valid: true, decision: document)
    }

    /// The document of `event`, against the municipality's latest signed checkpoint, checked before it is returned.
    private func document(
        of event: Decisions.Event, applicant: Decisions.Applicant?, signer: LogSigner, on connection: PostgresConnection
    ) throws -> Decisions.Document {
        let leafIndex = UInt64(event.seq - 1)
        let checkpoints = try connection.queryPrepared(
            """
            SELECT tree_size, note FROM audit_log_checkpoints
             WHERE municipality_code = $1 AND tree_size > $2
             ORDER BY tree_size DESC LIMIT 1
            """,
            [event.municipalityCode, Int64(leafIndex)]
        )
        guard let checkpoint = checkpoints.first else { throw NafidhaError(.decisionNotYetLogged) }
        let treeSize = UInt64(try checkpoint.decode("tree_size", as: Int64.self))
        let proof = try AuditLogTree(municipality: event.municipalityCode, connection: connection)
            .inclusionProof(leafIndex: leafIndex, treeSize: treeSize)
        let facts = try ContractJSON.decode(Decisions.Facts.self, from: Array(event.details.utf8))
        let code = try VerificationCode.issue(
            .init(
                municipality: event.municipalityCode, trackingNumber: facts.trackingNumber, leafIndex: leafIndex,
                leafHash: event.leafHash),
            by: signer)
        let document = Decisions.Document(
            verificationCode: code.description, applicant: applicant, facts: facts, event: event,
            leafIndex: Int64(leafIndex), treeSize: Int64(treeSize), inclusionProof: proof.map(\.base64),
            checkpoint: try checkpoint.decode("note"))
        do {
            _ = try DecisionVerifier.verify(document, trusting: .publicKey(signer.publicKey))
        } catch {
            throw AuditLogStoreError(
                description: "the decision of \(event.municipalityCode) seq \(event.seq) does not verify: \(error)")
        }
        return document
    }

    private func requireSigner() throws -> LogSigner {
        guard let signer else { throw NafidhaError(.signingNotConfigured) }
        return signer
    }

    /// A national id as the page prints it: every digit but the last four replaced by `•` (all of them when there
    /// are four or fewer).
    static func masked(_ nationalID: String) -> String {
        let digits = Array(nationalID)
        let shown = digits.count > 4 ? 4 : 0
        return String(repeating: "•", count: digits.count - shown) + String(digits.suffix(shown))
    }
}
