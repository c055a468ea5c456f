import Foundation
import NafidhaContract

/// The bill a submission issues (docs/payments.md): in a municipality that collects fees through Nafidha, a service
/// whose fee there (after overlays) is not zero gets a bill, due in the municipality's working days to pay.
extension Filing {
    /// The bill for `workflow` filed in `municipality` at `instant`, or nil when nothing is billed.
    /// - Throws: `stored_data_invalid` when the fee does not fit its currency (the catalog's validation refuses
    ///   such fees, so only a hand-edited database gets here); `WorkingCalendarError`.
    static func bill(
        for workflow: ResolvedWorkflow, municipality: String, catalog: CatalogSnapshot, calendar: WorkingCalendar,
        at instant: Date
    ) throws -> Payments.Bill? {
        guard let dueDays = catalog.feeCollection[municipality], workflow.fee > 0 else { return nil }
        guard let money = Money(major: workflow.fee, currency: workflow.currency) else {
            throw NafidhaError(.storedDataInvalid)
        }
        return Payments.Bill(
            number: BillNumber.generate(municipality: municipality), status: .unpaid, money: money,
            dueAt: try calendar.dueDate(workingDays: dueDays, from: instant), paidAt: nil)
    }

    /// The bill as one JSON object for the statement's `bill` CTE; null when there is none.
    var billText: String? {
        bill.map { bill in
            JSONValue.object([
                "number": .string(bill.number), "amount_minor": .string(String(bill.money.amountMinor)),
                "currency": .string(bill.money.currency), "due_at": .string(ResolvedWorkflow.timestampText(bill.dueAt)),
            ]).canonicalText
        }
    }
}
