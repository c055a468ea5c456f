import Foundation
import NafidhaContract
import Postgres

/// After a payment: a supervisor cancels a counter receipt, a cashier records a refund (docs/payments.md).
extension WorkflowEngine {
    /// A supervisor cancels counter receipt `number` with `reason`: the receipt keeps its number, marked cancelled,
    /// and its bill is unpaid again, to be paid anew (a corrected receipt); the request is left as it is.
    /// - Throws: `supervisor_only`, `receipt_not_found` (unknown or out of scope), `receipt_cancelled` (already, or
    ///   its bill is refund due or refunded), `validation_failed` (the reason).
    public func cancelReceipt(_ number: String, reason: String, by member: StaffMember) throws -> Payments.Receipt {
        guard member.role == .supervisor else { throw NafidhaError(.supervisorOnly) }
        let reason = try checkedText(reason, field: "reason")
        guard !reason.isEmpty else { throw NafidhaError(.validationFailed, fields: ["reason": .required]) }
        guard reason.count <= 1000 else {
            throw NafidhaError(.validationFailed, fields: ["reason": .tooLong(maximum: 1000)])
        }
        return try change { connection, now in
            let found = try connection.queryPrepared(
                """
                SELECT b.number FROM payments p JOIN bills b ON b.id = p.bill_id
                 WHERE p.receipt_number = $1 AND ($2::text[] IS NULL OR p.municipality_code = ANY($2::text[]))
                """,
                [String(number.uppercased().prefix(64)), member.visibleMunicipalities])
            guard let billNumber: String = try found.first?.decode("number") else {
                throw NafidhaError(.receiptNotFound)
            }
            var transaction = try lockRequest(ofBill: billNumber, visibleTo: member, on: connection, now: now)
            guard let bill = try transaction.lockedBill(), bill.bill.status == .paid else {
                throw NafidhaError(.receiptCancelled)
            }
            let rows = try connection.queryPrepared(
                """
                UPDATE payments SET cancelled_at = $2::timestamptz, cancelled_by = $3, cancellation_reason = $4
                 WHERE receipt_number = $1 AND cancelled_at IS NULL
                RETURNING method, reference, cashier, paid_at
                """,
                [String(number.uppercased().prefix(64)), now, member.name, reason])
            guard let payment = rows.first else { throw NafidhaError(.receiptCancelled) }
            try connection.executePrepared(
                "UPDATE bills SET status = 'unpaid', paid_at = NULL WHERE id = $1", [bill.id])
            guard let method = PaymentMethod(rawValue: try payment.decode("method")) else {
                throw NafidhaError(.storedDataInvalid)
            }
            let receipt = String(number.uppercased().prefix(64))
            transaction.record(
                .receiptCancelled, by: member.actor,
                details: Self.paymentDetails(
                    bill.bill, method: method, extra: ["receipt": .string(receipt), "reason": .string(reason)]))
            try transaction.finish()
            var unpaid = bill.bill
            unpaid.status = .unpaid
            unpaid.paidAt = nil
            return Payments.Receipt(
                number: receipt, bill: unpaid, trackingNumber: transaction.request.tracking,
                service: transaction.request.service, municipality: bill.municipality, money: bill.bill.money,
                method: method, reference: try payment.decode("reference"), cashier: try payment.decode("cashier"),
                paidAt: try payment.decode("paid_at"), cancelledAt: now, cancellationReason: reason)
        }
    }

    /// A cashier records that bill `number`, due for refund, was refunded by `method`.
    /// - Throws: `cashier_only`, `bill_not_found`, `refund_not_due` (409), `validation_failed` (method, reference).
    public func refund(bill number: String, _ body: Payments.RefundBody, by member: StaffMember) throws
        -> Payments.Bill
    {
        guard member.role == .cashier else { throw NafidhaError(.cashierOnly) }
        guard PaymentMethod.counter.contains(body.method) else {
            throw NafidhaError(.validationFailed, fields: ["method": .unsupportedValue])
        }
        let reference = try checkedReference(body.reference)
        return try change { connection, now in
            var transaction = try lockRequest(ofBill: number, visibleTo: member, on: connection, now: now)
            guard let row = try transaction.lockedBill(), row.bill.status == .refundDue else {
                throw NafidhaError(.refundNotDue)
            }
            try connection.executePrepared(
                """
                INSERT INTO refunds (bill_id, municipality_code, amount_minor, currency, method, reference, cashier,
                                     refunded_at)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8::timestamptz)
                """,
                [
                    row.id, row.municipality, row.bill.money.amountMinor, row.bill.money.currency, body.method.rawValue,
                    reference, member.name, now,
                ])
            try connection.executePrepared("UPDATE bills SET status = 'refunded' WHERE id = $1", [row.id])
            transaction.record(
                .refunded, by: Actor(kind: .clerk, id: member.name),
                details: Self.paymentDetails(
                    row.bill, method: body.method, extra: reference.map { ["reference": .string($0)] } ?? [:]))
            try transaction.finish()
            var bill = row.bill
            bill.status = .refunded
            return bill
        }
    }
}
