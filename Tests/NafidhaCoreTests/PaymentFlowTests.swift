import Foundation
import NafidhaContract
import NafidhaCore
import Postgres
import TestSupport
import Testing

/// Bills at submission, counter payments, provider callbacks and refunds due, through the real services on a real
/// database (docs/payments.md).
@Suite("Payments: bills, counter payments, callbacks")
struct PaymentFlowTests {
    /// A world where Tripoli and Balbala collect fees, with a Tripoli cashier.
    static func with(_ body: (StaffTestWorld, StaffMember) throws -> Void) throws {
        try StaffTestWorld.with { world in
            let admin = PaymentAdministration(pool: world.pool)
            try admin.collectFees(municipality: "TRP")
            try admin.collectFees(municipality: "BLB", dueDays: 5)
            let cashier = try world.staff("karim", .cashier, municipalities: ["TRP"])
            try body(world, cashier)
        }
    }

    static func file(_ world: StaffTestWorld, _ municipality: String = "TRP") throws -> Intake.Receipt {
        // Djibouti's id and phone rules are not Libya's.
        let submission =
            municipality == "BLB"
            ? Submission(
                service: "building_permit", municipality: "BLB",
                applicant: .init(name: "Hodan Ali", nationalID: "12345678", phone: "+25377123456"),
                fields: [
                    "parcel_location": .object(["lat": .number(11.57), "long": .number(43.13)]),
                    "parcel_number": .string("B-9"), "building_use": .string("residential"),
                    "works": .array([.string("new_building")]), "floors": .number(1), "floor_area_m2": .number(90),
                ],
                description: "A house.")
            : IntakeSamples.buildingPermit(municipality: municipality)
        return try world.services.submissions.submit(submission, channel: .api, idempotencyKey: nil).receipt
    }

    @Test("a fee where fees are collected bills the request: LYD with 3 decimals, DJF with none, no step open")
    func billsAtSubmission() throws {
        try Self.with { world, _ in
            let tripoli = try Self.file(world)
            let bill = try #require(tripoli.bill)
            #expect(tripoli.status == .awaitingPayment && tripoli.dueAt == nil)
            #expect(bill.money == Money(amountMinor: 250_000, currency: "LYD") && bill.money.amount == "250.000")
            #expect(bill.status == .unpaid && BillNumber.canonical(bill.number) == bill.number)
            #expect(bill.number.hasPrefix("TRP-") && tripoli.amount == "250.000" && tripoli.amountMinor == 250_000)
            #expect(tripoli.steps.allSatisfy { $0.status == .waiting && $0.dueAt == nil })
            let balbala = try #require(try Self.file(world, "BLB").bill)
            #expect(balbala.money.amount == "50000" && balbala.money.currency == "DJF")
            // Benghazi does not collect: the request is filed as before, the fee only shown.
            let benghazi = try Self.file(world, "BEN")
            #expect(benghazi.bill == nil && benghazi.status == .submitted && benghazi.steps[0].status == .open)

            let row = try world.query(
                """
                SELECT r.status, r.due_at IS NULL AS paused, b.amount_minor, b.status AS bill,
                       (SELECT count(*) FROM tasks t WHERE t.request_id = r.id AND t.status <> 'waiting')::int8 AS opened,
                       (SELECT array_agg(action ORDER BY id) FROM audit_events a WHERE a.request_id = r.id) AS actions
                  FROM requests r JOIN bills b ON b.request_id = r.id WHERE r.tracking_number = $1
                """, [tripoli.trackingNumber])[0]
            #expect(try row.decode("status") == "awaiting_payment" && (try row.decode("paused")) == true)
            #expect(try row.decode("amount_minor", as: Int64.self) == 250_000 && (try row.decode("bill")) == "unpaid")
            #expect(try row.decode("opened", as: Int64.self) == 0)
            let actions = try row.decode("actions", as: [String].self)
            #expect(actions == ["submitted", "bill_created"])
        }
    }

    @Test("a cash payment opens the first stage due from the payment; receipts are numbered without gaps")
    func counterPayment() throws {
        try Self.with { world, cashier in
            let first = try #require(try Self.file(world).bill)
            let second = try #require(try Self.file(world).bill)
            let receipt = try world.engine.pay(
                bill: first.number.lowercased(), Payments.PaymentBody(amount: "٢٥٠", method: .cash), by: cashier)
            #expect(receipt.bill.status == .paid && receipt.money == first.money && receipt.cashier == "karim")
            let year = Calendar(identifier: .gregorian).component(.year, from: receipt.paidAt)
            #expect(receipt.number == "TRP-\(year)-000001")
            let next = try world.engine.pay(
                bill: second.number, Payments.PaymentBody(amount: "250.000", method: .card, reference: "SLIP-1"),
                by: cashier)
            #expect(next.number == "TRP-\(year)-000002" && next.reference == "SLIP-1")

            let tasks = try world.query(
                """
                SELECT t.stage_no, t.status, t.due_at > b.paid_at AS due_after_payment, r.status AS request,
                       r.due_at IS NOT NULL AS clock
                  FROM tasks t JOIN requests r ON r.id = t.request_id JOIN bills b ON b.request_id = r.id
                 WHERE b.number = $1 ORDER BY t.stage_no, t.step_no
                """, [first.number])
            #expect(
                try tasks.map { try $0.decode("status", as: String.self) } == ["open", "open", "waiting", "waiting"])
            #expect(try tasks[0].decode("due_after_payment") == true && (try tasks[0].decode("request")) == "submitted")
            #expect(try tasks[0].decode("clock") == true)
            expectPaymentError(.billNotPayable) {
                try world.engine.pay(
                    bill: first.number, Payments.PaymentBody(amount: "250", method: .cash), by: cashier)
            }
        }
    }

    @Test("bad payments are refused with stable codes and write nothing")
    func refusals() throws {
        try Self.with { world, cashier in
            let bill = try #require(try Self.file(world).bill)
            let clerk = try world.staff("rania", .clerk, municipalities: ["TRP"], sectors: ["urban_planning"])
            let benghazi = try world.staff("badr", .cashier, municipalities: ["BEN"])
            let cases: [(String, StaffMember, String, ErrorCode)] = [
                (bill.number, cashier, "25.000", .amountMismatch), (bill.number, cashier, "250,000", .invalidAmount),
                (bill.number, cashier, "250.0001", .invalidAmount), (bill.number, cashier, "-250", .invalidAmount),
                (bill.number, cashier, "0", .invalidAmount), (bill.number, clerk, "250", .cashierOnly),
                (bill.number, benghazi, "250", .billNotFound), ("TRP-0000000000-1", cashier, "250", .billNotFound),
                (
                    String(bill.number.dropLast()) + (bill.number.hasSuffix("1") ? "2" : "1"), cashier, "250",
                    .billNotFound
                ),
            ]
            for (number, member, amount, code) in cases {
                expectPaymentError(code, "\(amount)") {
                    try world.engine.pay(bill: number, Payments.PaymentBody(amount: amount, method: .cash), by: member)
                }
            }
            let counts = try world.query(
                "SELECT (SELECT count(*) FROM payments)::int8 AS p, (SELECT count(*) FROM receipt_counters)::int8 AS c")[
                    0]
            #expect(try counts.decode("p", as: Int64.self) == 0 && (try counts.decode("c", as: Int64.self)) == 0)
        }
    }

    @Test("two cashiers paying one bill at the same instant: exactly one succeeds, the other gets bill_not_payable")
    func concurrentPayments() throws {
        try Self.with { world, cashier in
            let other = try world.staff("samira", .cashier, municipalities: ["TRP"])
            let bill = try #require(try Self.file(world).bill)
            let outcomes = Outcomes()
            DispatchQueue.concurrentPerform(iterations: 2) { index in
                do {
                    _ = try world.engine.pay(
                        bill: bill.number, Payments.PaymentBody(amount: "250.000", method: .cash),
                        by: index == 0 ? cashier : other)
                    outcomes.add("paid")
                } catch let error as NafidhaError {
                    outcomes.add(error.code.rawValue)
                } catch {
                    outcomes.add("\(error)")
                }
            }
            #expect(outcomes.all.sorted() == ["bill_not_payable", "paid"])
            #expect(try world.query("SELECT last_number FROM receipt_counters")[0].decode("last_number") == 1)
        }
    }

    @Test("a signed callback pays once; its replay changes nothing; a wrong amount is refused and recorded")
    func callbacks() throws {
        try Self.with { world, _ in
            let secret = try PaymentAdministration(pool: world.pool).createProvider(name: "sadad")
            let other = try PaymentAdministration(pool: world.pool).createProvider(name: "tadawul")
            let paid = try #require(try Self.file(world).bill)
            let wrong = try #require(try Self.file(world).bill)
            let callbacks = world.services.payments
            func send(
                _ provider: String, _ secret: String, _ bill: String, _ minor: Int64, _ transaction: String,
                at instant: Date = Date()
            ) throws -> Payments.CallbackResult {
                let body = Array(
                    #"{"bill_number":"\#(bill)","amount_minor":\#(minor),"currency":"LYD","transaction_id":"\#(transaction)","paid_at":"2026-09-21T08:00:00Z"}"#
                        .utf8)
                return try callbacks.receive(
                    provider: provider, body: body,
                    signature: CallbackSignature.header(body: body, secret: secret, timestamp: instant))
            }
            let result = try send("sadad", secret, paid.number, 250_000, "T-1")
            #expect(result == Payments.CallbackResult(billNumber: paid.number, transactionID: "T-1", status: .paid))
            let before = try Self.state(world)
            #expect(try send("sadad", secret, paid.number, 250_000, "T-1") == result)
            #expect(try Self.state(world) == before)
            expectPaymentError(.callbackConflict) { try send("sadad", secret, wrong.number, 250_000, "T-1") }
            expectPaymentError(.invalidSignature) {
                try send("sadad", secret, wrong.number, 250_000, "T-2", at: Date().addingTimeInterval(-360))
            }
            expectPaymentError(.invalidSignature) { try send("sadad", other, wrong.number, 250_000, "T-3") }
            expectPaymentError(.invalidSignature) { try send("nobody", secret, wrong.number, 250_000, "T-4") }
            expectPaymentError(.amountMismatch) { try send("sadad", secret, wrong.number, 25_000, "T-5") }
            expectPaymentError(.amountMismatch) { try send("sadad", secret, wrong.number, 25_000, "T-5") }
            expectPaymentError(.billNotPayable) { try send("tadawul", other, paid.number, 250_000, "T-1") }
            expectPaymentError(.billNotFound) { try send("sadad", secret, "TRP-0000000000-1", 1, "T-6") }
            let outcomes = try world.query(
                "SELECT transaction_id, outcome, replays FROM payment_callbacks ORDER BY id"
            ).map {
                "\(try $0.decode("transaction_id", as: String.self)):\(try $0.decode("outcome", as: String.self)):\(try $0.decode("replays", as: Int.self))"
            }
            #expect(outcomes == ["T-1:matched:1", "T-5:mismatched:1", "T-1:not_payable:0", "T-6:unknown_bill:0"])
            let status = try world.query("SELECT status FROM bills WHERE number = $1", [wrong.number])[0]
            #expect(try status.decode("status") == "unpaid")
        }
    }

    @Test("a paid request rejected owes a refund; an unpaid one cancelled cancels its bill; the chains verify")
    func settlements() throws {
        try Self.with { world, cashier in
            let paid = try Self.file(world)
            _ = try world.engine.pay(
                bill: paid.bill!.number, Payments.PaymentBody(amount: "250", method: .cash), by: cashier)
            let planner = try world.staff("nadia", .clerk, municipalities: ["TRP"], sectors: ["urban_planning"])
            let task = try world.engine.claimNext(by: planner)
            _ = try world.engine.reject(task: task.id, by: planner, reason: "Parcel outside the plan")
            let unpaid = try Self.file(world)
            let citizen = try world.services.tracking.authenticate(
                tracking: unpaid.trackingNumber, token: unpaid.accessToken)
            try world.engine.cancel(for: citizen)
            let bills = try world.query("SELECT status FROM bills ORDER BY id").map {
                try $0.decode("status", as: String.self)
            }
            #expect(bills == ["refund_due", "cancelled"])
            expectPaymentError(.refundNotDue) {
                try world.engine.refund(bill: unpaid.bill!.number, Payments.RefundBody(method: .cash), by: cashier)
            }
            let refunded = try world.engine.refund(
                bill: paid.bill!.number, Payments.RefundBody(method: .transfer, reference: "TRF-9"), by: cashier)
            #expect(refunded.status == .refunded)
            expectPaymentError(.refundNotDue) {
                try world.engine.refund(bill: paid.bill!.number, Payments.RefundBody(method: .cash), by: cashier)
            }
            try sequenceAudit(world.pool)
            let auditor = try world.staff("aya", .auditor)
            #expect(try world.services.audit.verify(for: auditor).allSatisfy(\.intact))
            let actions = try world.query(
                "SELECT array_agg(action ORDER BY seq) AS a FROM audit_events WHERE municipality_code = 'TRP'"
            )[0].decode("a", as: [String].self)
            #expect(
                actions.contains("bill_paid") && actions.contains("refund_due") && actions.contains("bill_cancelled"))
        }
    }

    @Test("a supervisor cancels a receipt: it keeps its number, the bill is unpaid, the next receipt is new")
    func receiptCancellation() throws {
        try Self.with { world, cashier in
            let bill = try #require(try Self.file(world).bill)
            let receipt = try world.engine.pay(
                bill: bill.number, Payments.PaymentBody(amount: "250", method: .cash), by: cashier)
            let supervisor = try world.staff("salwa", .supervisor, municipalities: ["TRP"])
            let elsewhere = try world.staff("basma", .supervisor, municipalities: ["BEN"])
            expectPaymentError(.supervisorOnly) {
                try world.engine.cancelReceipt(receipt.number, reason: "x", by: cashier)
            }
            expectPaymentError(.receiptNotFound) {
                try world.engine.cancelReceipt(receipt.number, reason: "Wrong method", by: elsewhere)
            }
            expectPaymentError(.validationFailed) {
                try world.engine.cancelReceipt(receipt.number, reason: " ", by: supervisor)
            }
            let cancelled = try world.engine.cancelReceipt(receipt.number, reason: "Wrong method", by: supervisor)
            #expect(
                cancelled.cancelledAt != nil && cancelled.bill.status == .unpaid && cancelled.number == receipt.number)
            expectPaymentError(.receiptCancelled) {
                try world.engine.cancelReceipt(receipt.number, reason: "Again", by: supervisor)
            }
            let again = try world.engine.pay(
                bill: bill.number, Payments.PaymentBody(amount: "250", method: .card), by: cashier)
            #expect(again.number != receipt.number && again.number.hasSuffix("000002"))
            let request = try world.query(
                "SELECT r.status FROM requests r JOIN bills b ON b.request_id = r.id WHERE b.number = $1", [bill.number]
            )
            #expect(try request[0].decode("status") == "submitted")
        }
    }

    /// Counts that a replayed callback must leave alone.
    static func state(_ world: StaffTestWorld) throws -> [Int64] {
        let row = try world.query(
            """
            SELECT (SELECT count(*) FROM payments)::int8 AS p, (SELECT count(*) FROM audit_events)::int8 AS a,
                   (SELECT count(*) FROM tasks WHERE status = 'open')::int8 AS t,
                   (SELECT count(*) FROM bills WHERE status = 'paid')::int8 AS b
            """)[0]
        return [try row.decode("p"), try row.decode("a"), try row.decode("t"), try row.decode("b")]
    }
}

/// Expects `body` to throw a `NafidhaError` with `code`.
func expectPaymentError<T>(
    _ code: ErrorCode, _ comment: Comment? = nil, sourceLocation: SourceLocation = #_sourceLocation,
    _ body: () throws -> T
) {
    let error = #expect(throws: NafidhaError.self, comment, sourceLocation: sourceLocation) { try body() }
    #expect(error?.code == code, comment, sourceLocation: sourceLocation)
}

/// Outcomes collected from threads.
private final class Outcomes: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [String] = []

    func add(_ value: String) {
        lock.withLock { values.append(value) }
    }

    var all: [String] { lock.withLock { values } }
}
