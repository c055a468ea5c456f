import Foundation
import NafidhaContract
import Postgres
import Transparency

/// Payment providers' callbacks (docs/payments.md): a provider's signed callbacks pay bills through the workflow engine, once per provider and transaction id, and every callback
/// whose signature is good is kept for reconciliation, matched or not.
public struct PaymentCallbacks: Sendable {
    /// What a callback did, decided once and answered again to every replay.
    enum Outcome: String {
        case matched
        case mismatched
        case unknownBill = "unknown_bill"
        case notPayable = "not_payable"
    }

    let pool: PostgresPool
    let engine: WorkflowEngine

    /// Callbacks over `pool`, paying through `engine` (whose clock also checks the signatures' time).
    public init(pool: PostgresPool, engine: WorkflowEngine) {
        self.pool = pool
        self.engine = engine
    }

    /// Handles a callback of provider `name` with the raw `body` and its `X-Nafidha-Signature` header.
    /// - Throws: `invalid_signature` (401: unknown provider, bad or stale signature), `invalid_json` or
    ///   `validation_failed` (the body), `callback_conflict` (the transaction id came before with other data), and
    ///   for a callback that paid nothing, recorded all the same: `bill_not_found`, `amount_mismatch` (422),
    ///   `bill_not_payable` (409).
    public func receive(provider name: String, body: [UInt8], signature: String?) throws -> Payments.CallbackResult {
        let provider = try pool.withConnection { connection in
            try connection.queryPrepared(
                "SELECT id, secret FROM payment_providers WHERE name = $1", [String(name.prefix(64))]
            ).first
        }
        guard let provider,
            CallbackSignature.isValid(
                signature, body: body, secret: Hex.encode(try provider.decode("secret", as: [UInt8].self)),
                now: engine.clock())
        else { throw NafidhaError(.invalidSignature) }
        let callback: Payments.Callback
        do {
            callback = try ContractJSON.decode(Payments.Callback.self, from: body)
        } catch {
            throw NafidhaError(.invalidJSON)
        }
        guard (1...100).contains(callback.transactionID.count), (1...64).contains(callback.billNumber.count),
            (1...8).contains(callback.currency.count)
        else { throw NafidhaError(.validationFailed, fields: ["transaction_id": .unsupportedValue]) }
        let outcome = try apply(callback, provider: (try provider.decode("id"), name), bodyHash: SHA256.hash(body))
        switch outcome {
        case .matched:
            return Payments.CallbackResult(
                billNumber: callback.billNumber, transactionID: callback.transactionID, status: .paid)
        case .mismatched: throw NafidhaError(.amountMismatch)
        case .unknownBill: throw NafidhaError(.billNotFound)
        case .notPayable: throw NafidhaError(.billNotPayable)
        }
    }

    /// Decides and records the callback in one transaction, or finds the decision of its first delivery.
    private func apply(_ callback: Payments.Callback, provider: (id: Int64, name: String), bodyHash: [UInt8])
        throws -> Outcome
    {
        try engine.change { connection, now in
            // A bill that exists: its request is locked first (the engine's order), which also makes two deliveries
            // of one transaction wait for each other.
            var transaction: WorkflowTransaction?
            do {
                transaction = try engine.lockRequest(
                    ofBill: callback.billNumber, visibleTo: nil, on: connection, now: now)
            } catch let error as NafidhaError where error.code == .billNotFound {
                transaction = nil
            }
            if let earlier = try replay(of: callback, provider: provider.id, on: connection) { return earlier }
            let bill = try transaction?.lockedBill()
            let money = Money(amountMinor: callback.amountMinor, currency: callback.currency)
            let outcome: Outcome =
                if let bill {
                    bill.bill.status != .unpaid ? .notPayable : (money == bill.bill.money ? .matched : .mismatched)
                } else { .unknownBill }
            let inserted = try connection.queryPrepared(
                """
                INSERT INTO payment_callbacks (provider_id, transaction_id, bill_number, bill_id, municipality_code,
                                               amount_minor, currency, paid_at, received_at, body_hash, outcome)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8::timestamptz, $9::timestamptz, $10, $11)
                ON CONFLICT (provider_id, transaction_id) DO NOTHING RETURNING id
                """,
                [
                    provider.id, callback.transactionID, callback.billNumber, bill?.id, bill?.municipality,
                    callback.amountMinor, callback.currency, callback.paidAt, now, bodyHash, outcome.rawValue,
                ])
            // Two deliveries of a callback for no bill at once: the second waited for the first's row.
            if inserted.isEmpty, let earlier = try replay(of: callback, provider: provider.id, on: connection) {
                return earlier
            }
            guard var transaction, let bill else { return outcome }
            let actor = Actor(kind: .system, id: "provider:" + provider.name)
            let details = WorkflowEngine.paymentDetails(
                bill.bill, method: .provider,
                extra: [
                    "provider": .string(provider.name), "transaction_id": .string(callback.transactionID),
                    "paid_minor": .string(String(callback.amountMinor)), "paid_currency": .string(callback.currency),
                ])
            guard outcome == .matched else {
                transaction.record(
                    .callbackRejected, by: actor,
                    details: details.merging(["outcome": .string(outcome.rawValue)]) { $1 })
                try transaction.finish()
                return outcome
            }
            try connection.executePrepared(
                """
                INSERT INTO payments (bill_id, municipality_code, amount_minor, currency, method, paid_at, provider_id,
                                      transaction_id)
                VALUES ($1, $2, $3, $4, 'provider', $5::timestamptz, $6, $7)
                """,
                [
                    bill.id, bill.municipality, money.amountMinor, money.currency, now, provider.id,
                    callback.transactionID,
                ])
            _ = try engine.markPaid(bill, at: now, on: connection)
            transaction.record(.billPaid, by: actor, details: details)
            try transaction.openFirstStageAfterPayment()
            try transaction.finish()
            return outcome
        }
    }

    /// The first delivery's outcome when this provider sent this transaction id before (counted as a replay), or
    /// nil; `callback_conflict` when it came with another bill, amount or currency.
    private func replay(of callback: Payments.Callback, provider: Int64, on connection: PostgresConnection) throws
        -> Outcome?
    {
        let rows = try connection.queryPrepared(
            """
            UPDATE payment_callbacks SET replays = replays + 1 WHERE provider_id = $1 AND transaction_id = $2
            RETURNING bill_number, amount_minor, currency, outcome
            """,
            [provider, callback.transactionID])
        guard let row = rows.first else { return nil }
        guard try row.decode("bill_number") == callback.billNumber,
            try row.decode("amount_minor", as: Int64.self) == callback.amountMinor,
            try row.decode("currency") == callback.currency,
            let outcome = Outcome(rawValue: try row.decode("outcome"))
        else { throw NafidhaError(.callbackConflict) }
        return outcome
    }
}
