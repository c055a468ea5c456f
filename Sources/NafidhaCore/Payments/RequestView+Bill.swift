import NafidhaContract
import Postgres

extension RequestView {
    /// The bill of a tracked request from the `bill_*` columns of its one statement, or nil when it has none.
    static func bill(from row: PostgresRow) throws -> Payments.Bill? {
        guard let number: String = try row.decode("bill_number") else { return nil }
        guard let status = BillStatus(rawValue: try row.decode("bill_status")) else {
            throw NafidhaError(.storedDataInvalid)
        }
        return Payments.Bill(
            number: number, status: status,
            money: Money(amountMinor: try row.decode("bill_amount_minor"), currency: try row.decode("bill_currency")),
            dueAt: try row.decode("bill_due_at"), paidAt: try row.decode("bill_paid_at"))
    }
}
