import Foundation
import NafidhaContract
import Postgres

/// Paying a bill, the transition out of `awaiting_payment` (docs/payments.md): at a counter by a cashier, or by a
/// payment provider's callback. Each in one transaction through the engine: lock the request, then its bill; check
/// the bill is unpaid and the amount is what is due; record the payment; open the first stage; audit; commit.
extension WorkflowEngine {
    /// Characters a payment's or refund's reference may hold.
    static let maximumReferenceLength = 100

    /// A cashier takes the whole amount of bill `number` at the counter: the receipt's number is the next of the
    /// municipality's year, without gaps (a counter row locked until commit, on this path only).
    /// - Throws: `cashier_only`, `bill_not_found` (unknown, malformed or outside the cashier's municipalities),
    ///   `invalid_amount`, `amount_mismatch` (422), `bill_not_payable` (409: paid, cancelled, refunded),
    ///   `validation_failed` for the method or reference.
    public func pay(bill number: String, _ body: Payments.PaymentBody, by member: StaffMember) throws
        -> Payments.Receipt
    {
        guard member.role == .cashier else { throw NafidhaError(.cashierOnly) }
        guard PaymentMethod.counter.contains(body.method) else {
            throw NafidhaError(.validationFailed, fields: ["method": .unsupportedValue])
        }
        let reference = try checkedReference(body.reference)
        let cashier = Actor(kind: .clerk, id: member.name)
        return try change { connection, now in
            var transaction = try lockRequest(ofBill: number, visibleTo: member, on: connection, now: now)
            guard let row = try transaction.lockedBill(), row.bill.status == .unpaid else {
                throw NafidhaError(.billNotPayable)
            }
            let money: Money
            switch Money.parse(body.amount, currency: row.bill.money.currency) {
            case .success(let parsed): money = parsed
            case .failure: throw NafidhaError(.invalidAmount)
            }
            guard money == row.bill.money else { throw NafidhaError(.amountMismatch) }
            let receipt = try connection.queryPrepared(
                """
                WITH counter AS (
                    INSERT INTO receipt_counters AS c (municipality_code, year, last_number)
                    SELECT m.code, extract(year FROM $2::timestamptz AT TIME ZONE k.time_zone)::smallint, 1
                      FROM municipalities m JOIN countries k ON k.code = m.country_code WHERE m.code = $1
                    ON CONFLICT (municipality_code, year) DO UPDATE SET last_number = c.last_number + 1
                    RETURNING municipality_code, year, last_number
                )
                SELECT municipality_code || '-' || year || '-' || lpad(last_number::text, 6, '0') AS number FROM counter
                """,
                [row.municipality, now]
            )[0].decode("number", as: String.self)
            try connection.executePrepared(
                """
                INSERT INTO payments (bill_id, municipality_code, amount_minor, currency, method, reference, paid_at,
                                      receipt_number, cashier)
                VALUES ($1, $2, $3, $4, $5, $6, $7::timestamptz, $8, $9)
                """,
                [
                    row.id, row.municipality, money.amountMinor, money.currency, body.method.rawValue, reference, now,
                    receipt, member.name,
                ])
            let bill = try markPaid(row, at: now, on: connection)
            transaction.record(
                .billPaid, by: cashier,
                details: Self.paymentDetails(bill, method: body.method, extra: ["receipt": .string(receipt)]))
            try transaction.openFirstStageAfterPayment()
            try transaction.finish()
            return Payments.Receipt(
                number: receipt, bill: bill, trackingNumber: transaction.request.tracking,
                service: transaction.request.service, municipality: row.municipality, money: money,
                method: body.method, reference: reference, cashier: member.name, paidAt: now, cancelledAt: nil,
                cancellationReason: nil)
        }
    }

    /// Locks the request of bill `number` as `member` may see it, or throws `bill_not_found`.
    func lockRequest(
        ofBill number: String, visibleTo member: StaffMember?, on connection: PostgresConnection, now: Date
    )
        throws -> WorkflowTransaction
    {
        guard let canonical = BillNumber.canonical(number) else { throw NafidhaError(.billNotFound) }
        let rows = try connection.queryPrepared(
            "SELECT request_id, municipality_code FROM bills WHERE number = $1", [canonical])
        guard let row = rows.first else { throw NafidhaError(.billNotFound) }
        let municipality: String = try row.decode("municipality_code")
        if let visible = member?.visibleMunicipalities, !visible.contains(municipality) {
            throw NafidhaError(.billNotFound)
        }
        return try WorkflowTransaction(
            connection: connection, now: now, locking: .id(try row.decode("request_id")),
            missing: NafidhaError(.billNotFound))
    }

    /// Marks the locked bill paid at `instant` and answers it as it now stands.
    func markPaid(_ row: WorkflowTransaction.BillRow, at instant: Date, on connection: PostgresConnection) throws
        -> Payments.Bill
    {
        try connection.executePrepared(
            "UPDATE bills SET status = 'paid', paid_at = $2::timestamptz WHERE id = $1", [row.id, instant])
        var bill = row.bill
        bill.status = .paid
        bill.paidAt = instant
        return bill
    }

    /// The audit details of a money movement on `bill`: its number, amount (minor units, as text) and currency.
    static func paymentDetails(_ bill: Payments.Bill, method: PaymentMethod, extra: [String: JSONValue] = [:])
        -> [String: JSONValue]
    {
        var details = extra
        details["bill"] = .string(bill.number)
        details["amount_minor"] = .string(String(bill.money.amountMinor))
        details["currency"] = .string(bill.money.currency)
        details["method"] = .string(method.rawValue)
        return details
    }

    /// A reference: nil or one line of at most `maximumReferenceLength` characters, under the one text policy.
    func checkedReference(_ text: String?) throws -> String? {
        guard let text, !text.isEmpty else { return nil }
        switch TextPolicy.check(text, as: .line, limit: Self.maximumReferenceLength) {
        case .success(let checked): return checked
        case .failure(let refusal): throw NafidhaError(.validationFailed, fields: ["reference": refusal.reason])
        }
    }
}
