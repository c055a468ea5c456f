import Foundation
import NafidhaContract
import Postgres

/// Files requests: validates a submission against the catalog, resolves its workflow, and in one transaction
/// stores the request, one task per workflow step (stage 1 open in its queues, later stages waiting) and the audit
/// events. Synchronous: call it from threads we own (the HTTP server's workers), never from Swift concurrency's
/// cooperative threads.
public struct SubmissionService: Sendable {
    /// Where requests are stored.
    public let pool: PostgresPool

    /// Times a submission's transaction runs at most when a unique constraint refuses it (a tracking number
    /// collision, or a concurrent submission with the same Idempotency-Key that committed first).
    public static let maximumAttempts = 5

    /// Creates the service over `pool`.
    public init(pool: PostgresPool) {
        self.pool = pool
    }

    /// Files `submission` arriving through `channel` at `instant`.
    ///
    /// With an `idempotencyKey`, a second call with the same key and an equal body answers with the first receipt
    /// (`replayed`) and creates nothing; the same key with another body is a `409 idempotency_conflict`.
    /// - Throws: `NafidhaError` (`validation_failed` naming every problem, `invalid_idempotency_key`,
    ///   `idempotency_conflict`), or `PostgresError` when the database fails.
    public func submit(
        _ submission: Submission, channel: SubmissionChannel, idempotencyKey: String?, at instant: Date = Date()
    ) throws -> SubmissionResult {
        // PostgreSQL keeps microseconds; rounding here makes the receipt agree with what is stored.
        let instant = Date(timeIntervalSince1970: (instant.timeIntervalSince1970 * 1_000_000).rounded() / 1_000_000)
        let idempotency = try idempotencyKey.map { try IdempotencyRecord(key: $0, bodyHash: submission.bodyHash) }
        var attempt = 1
        while true {
            do {
                return try pool.withTransaction { connection in
                    if let idempotency, let replay = try idempotency.replay(on: connection) {
                        return SubmissionResult(receipt: replay, replayed: true)
                    }
                    let receipt = try file(
                        submission, channel: channel, idempotency: idempotency, at: instant, on: connection)
                    return SubmissionResult(receipt: receipt, replayed: false)
                }
            } catch let error as PostgresError where error.isUniqueViolation && attempt < Self.maximumAttempts {
                attempt += 1
            }
        }
    }

    /// Validates and stores one new request inside the caller's transaction.
    private func file(
        _ submission: Submission, channel: SubmissionChannel, idempotency: IdempotencyRecord?, at instant: Date,
        on connection: PostgresConnection
    ) throws -> SubmissionReceipt {
        let codes = SubmissionValidator.codes(of: submission.body)
        let rules = try codes.municipality.flatMap { try IntakeCatalog.rules(municipality: $0, on: connection) }
        let form = try codes.service.flatMap { try IntakeCatalog.form(service: $0, on: connection) }
        var workflow: ResolvedWorkflow?
        if let service = codes.service, let municipality = codes.municipality, rules != nil, form != nil {
            workflow = try CatalogService.resolveWorkflow(
                service: service, municipality: municipality, at: instant, on: connection
            )
        }
        var validator = SubmissionValidator()
        let valid = validator.validate(
            submission.body, rules: rules, form: form?.fields, offered: workflow != nil,
            identityRequired: !(form?.publicReport ?? false), at: instant
        )
        guard let valid, let workflow,
            let calendar = try CalendarStore.calendar(forMunicipality: valid.municipality, on: connection)
        else {
            throw NafidhaError(
                .validationFailed, code: "validation_failed", message: IntakeMessages.validationFailed,
                fields: validator.problems
            )
        }
        let tokenBytes = SecureRandom.bytes(32)
        let token = AccessToken(text: Base64URL.encode(tokenBytes))
        let receipt = SubmissionReceipt(
            trackingNumber: TrackingNumber.generate(municipality: valid.municipality), accessToken: token.text,
            status: "submitted", service: valid.service, municipality: valid.municipality, channel: channel.rawValue,
            submittedAt: instant, dueAt: try calendar.dueDate(workingDays: workflow.slaDays, from: instant),
            slaDays: workflow.slaDays, fee: workflow.fee, currency: workflow.currency,
            steps: try workflow.stages.flatMap { stage in
                try stage.steps.map { step in
                    let opens = stage.stage == 1
                    return SubmissionReceipt.Step(
                        stage: stage.stage, step: step.step, sector: step.sector, office: step.office,
                        status: opens ? "open" : "waiting",
                        dueAt: opens ? try calendar.dueDate(workingDays: step.slaDays, from: instant) : nil
                    )
                }
            }
        )
        let requestID = try insertRequest(
            valid, receipt: receipt, tokenHash: token.hash, workflowText: workflow.jsonText,
            idempotency: try idempotency.map { ($0, try $0.sealed(tokenBytes: tokenBytes, receipt: receipt)) },
            on: connection
        )
        try AuditLog.append(
            on: connection, municipality: valid.municipality, actorKind: .citizen, actor: receipt.trackingNumber,
            action: .submitted, requestID: requestID,
            details: ["service": .string(valid.service), "channel": .string(channel.rawValue)]
        )
        let slaByStep = Dictionary(
            workflow.stages.flatMap { stage in stage.steps.map { ("\(stage.stage).\($0.step)", $0.slaDays) } },
            uniquingKeysWith: { first, _ in first }
        )
        for step in receipt.steps {
            let taskID = try insertTask(
                step, slaDays: slaByStep["\(step.stage).\(step.step)"] ?? receipt.slaDays, requestID: requestID,
                municipality: valid.municipality, at: instant, on: connection
            )
            if step.status == "open" {
                try AuditLog.append(
                    on: connection, municipality: valid.municipality, actorKind: .system, actor: "nafidha",
                    action: .taskOpened, requestID: requestID, taskID: taskID,
                    details: [
                        "sector": .string(step.sector), "office": .string(step.office),
                        "stage": .number(Double(step.stage)), "step": .number(Double(step.step)),
                    ]
                )
            }
        }
        return receipt
    }

    private func insertRequest(
        _ valid: SubmissionValidator.Valid, receipt: SubmissionReceipt, tokenHash: [UInt8], workflowText: String,
        idempotency: (record: IdempotencyRecord, sealed: IdempotencyRecord.Sealed)?, on connection: PostgresConnection
    ) throws -> Int64 {
        let rows = try connection.queryPrepared(
            """
            INSERT INTO requests (tracking_number, access_token_hash, service_code, municipality_code, applicant_name,
                                  applicant_national_id, applicant_phone, applicant_email, fields, description,
                                  status, channel, submitted_at, due_at, workflow, idempotency_key, request_hash,
                                  idempotency_token_cipher, idempotency_receipt)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10, 'submitted', $11, $12, $13, $14::jsonb,
                    $15, $16, $17, $18)
            RETURNING id
            """,
            [
                receipt.trackingNumber, tokenHash, valid.service, valid.municipality, valid.name, valid.nationalID,
                valid.phone, valid.email, JSONValue.object(valid.fields).canonicalText, valid.description,
                receipt.channel, receipt.submittedAt, receipt.dueAt, workflowText, idempotency?.record.keyDigest,
                idempotency?.record.bodyHash, idempotency?.sealed.tokenCipher, idempotency?.sealed.receiptText,
            ]
        )
        return try rows[0].decode("id")
    }

    private func insertTask(
        _ step: SubmissionReceipt.Step, slaDays: Int, requestID: Int64, municipality: String, at instant: Date,
        on connection: PostgresConnection
    ) throws -> Int64 {
        let opened: Date? = step.status == "open" ? instant : nil
        let rows = try connection.queryPrepared(
            """
            INSERT INTO tasks (request_id, stage_no, step_no, municipality_code, sector_code, office_code, status,
                               sla_days, opened_at, due_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
            RETURNING id
            """,
            [
                requestID, step.stage, step.step, municipality, step.sector, step.office, step.status, slaDays, opened,
                step.dueAt,
            ]
        )
        return try rows[0].decode("id")
    }
}
