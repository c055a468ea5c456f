import Foundation
import NafidhaContract
import Postgres

/// The workflow engine's payment hooks (docs/payments.md): a paid bill opens the first stage; a request closed as
/// rejected or cancelled settles its bill.
extension WorkflowTransaction {
    /// One row of `bills`, locked by the change that reads it.
    struct BillRow {
        var id: Int64
        var bill: Payments.Bill
        var requestID: Int64
        var municipality: String
    }

    /// The columns `BillRow(row:)` reads, from `bills b`.
    static let billColumns =
        "b.id, b.number, b.status, b.amount_minor, b.currency, b.due_at, b.paid_at, b.request_id, b.municipality_code"

    /// The request's bill, locked (`FOR UPDATE`: the request lock is already held, so the order is request then bill).
    func lockedBill() throws -> BillRow? {
        try connection.queryPrepared(
            "SELECT \(Self.billColumns) FROM bills b WHERE b.request_id = $1 FOR UPDATE", [request.id]
        ).first.map(BillRow.init(row:))
    }

    /// The bill is paid at `now`: the wait for payment becomes a closed pause of the first stage's steps (so the
    /// request's deadline counts from the payment, as paused time does), the first stage opens due from now, and the
    /// request leaves `awaiting_payment` for `submitted`. A bill paid again after its receipt was cancelled finds
    /// the request already under way: nothing more opens.
    mutating func openFirstStageAfterPayment() throws {
        guard request.status == .awaitingPayment else { return }
        let firstStage = try tasks().filter { $0.stage == 1 && $0.status == .waiting }
        for task in firstStage {
            try connection.executePrepared(
                "INSERT INTO task_pauses (task_id, started_at, ended_at) VALUES ($1, $2::timestamptz, $3::timestamptz)",
                [task.id, request.submittedAt, now])
            let dueAt = try calendar().dueDate(workingDays: task.slaDays, from: now)
            let opened = try apply(.open(dueAt: dueAt), to: task)
            record(.taskOpened, by: .system, task: opened)
        }
        request.status = .submitted
        request.dueAt = nil
    }

    /// A request leaving for `rejected` or `cancelled` settles its bill in the same transaction: a paid bill is to be
    /// refunded (`refund_due`), an unpaid one is cancelled; each an audit event.
    mutating func settleBill(closedAs status: RequestStatus) throws {
        guard status == .rejected || status == .cancelled else { return }
        let rows = try connection.queryPrepared(
            """
            UPDATE bills SET status = CASE status WHEN 'paid' THEN 'refund_due' ELSE 'cancelled' END
             WHERE request_id = $1 AND status IN ('paid', 'unpaid')
            RETURNING number, status, amount_minor, currency
            """,
            [request.id])
        guard let row = rows.first else { return }
        let settled = try BillStatus.decoded(from: row)
        record(
            settled == .refundDue ? .refundDue : .billCancelled, by: .system,
            details: [
                "bill": .string(try row.decode("number")),
                "amount_minor": .string(String(try row.decode("amount_minor", as: Int64.self))),
                "currency": .string(try row.decode("currency")), "cause": .string(status.rawValue),
            ])
    }
}

extension WorkflowTransaction.BillRow {
    /// Reads `WorkflowTransaction.billColumns`.
    init(row: PostgresRow) throws {
        id = try row.decode("id")
        requestID = try row.decode("request_id")
        municipality = try row.decode("municipality_code")
        bill = Payments.Bill(
            number: try row.decode("number"), status: try BillStatus.decoded(from: row),
            money: Money(amountMinor: try row.decode("amount_minor"), currency: try row.decode("currency")),
            dueAt: try row.decode("due_at"), paidAt: try row.decode("paid_at"))
    }
}

extension BillStatus {
    /// The `status` column of a bills row.
    static func decoded(from row: PostgresRow) throws -> BillStatus {
        guard let status = BillStatus(rawValue: try row.decode("status")) else {
            throw NafidhaError(.storedDataInvalid)
        }
        return status
    }
}
