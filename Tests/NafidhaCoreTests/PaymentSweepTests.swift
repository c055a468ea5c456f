import Foundation
import NafidhaContract
import NafidhaCore
import TestSupport
import Testing

/// The sweep's payment step: unpaid bills past due cancel their requests (docs/payments.md).
@Suite("Payments: unpaid bills past due")
struct PaymentSweepTests {
    @Test("the sweep cancels a request whose bill is unpaid past due, with its bill, and tells the outbox")
    func unpaidPastDue() throws {
        try PaymentFlowTests.with { world, cashier in
            let late = try PaymentFlowTests.file(world, "BLB")
            let paid = try #require(try PaymentFlowTests.file(world).bill)
            _ = try world.engine.pay(bill: paid.number, Payments.PaymentBody(amount: "250", method: .cash), by: cashier)
            #expect(try world.engine.cancelUnpaid(limit: 10) == 0)
            // A staff note changes nothing of a request awaiting payment: its clock stays stopped.
            let supervisor = try world.staff("salwa", .supervisor, municipalities: ["BLB"])
            _ = try world.engine.addNote(
                tracking: late.trackingNumber, text: "Called the applicant", isPublic: false, by: supervisor)
            let clock = try world.query(
                "SELECT status, due_at IS NULL AS paused FROM requests WHERE tracking_number = $1",
                [late.trackingNumber])[0]
            #expect(try clock.decode("status") == "awaiting_payment" && (try clock.decode("paused")) == true)
            let later = WorkflowEngine(pool: world.pool, clock: { Date().addingTimeInterval(30 * 86_400) })
            #expect(try EscalationSweep(engine: later).run().unpaidCancelled == 1)
            let row = try world.query(
                """
                SELECT r.status, b.status AS bill,
                       (SELECT count(*) FROM tasks t WHERE t.request_id = r.id AND t.status <> 'cancelled')::int8 AS live,
                       (SELECT count(*) FROM notification_events n
                         WHERE n.request_id = r.id AND n.type = 'request.cancelled')::int8 AS notices
                  FROM requests r JOIN bills b ON b.request_id = r.id WHERE r.tracking_number = $1
                """, [late.trackingNumber])[0]
            #expect(try row.decode("status") == "cancelled" && (try row.decode("bill")) == "cancelled")
            #expect(try row.decode("live", as: Int64.self) == 0 && (try row.decode("notices", as: Int64.self)) == 1)
            let stillPaid = try world.query("SELECT status FROM bills WHERE number = $1", [paid.number])[0]
            #expect(try stillPaid.decode("status") == "paid")
            #expect(try later.cancelUnpaid(limit: 10) == 0)
        }
    }
}
