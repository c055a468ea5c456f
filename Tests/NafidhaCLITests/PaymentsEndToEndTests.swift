import Foundation
import NafidhaContract
import NafidhaCore
import TestSupport
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The issue's check, end to end (docs/payments.md): the real `nafidha` binary and real HTTP against a real server
/// and database. A fee in Tripoli and in Balbala bills in LYD (3 decimals) and DJF (none), the requests wait with
/// their clocks paused; `nafidha pay` opens the first stage and prints receipts numbered one after the other; a
/// signed callback pays a bill and its replay changes nothing; a wrong amount is refused and kept for
/// reconciliation; the audit chains verify.
@Suite("Payments end to end")
struct PaymentsEndToEndTests {
    typealias Clerk = ClerkEndToEndTests

    /// One HTTP exchange with the server, blocking this (test) thread.
    static func http(
        _ method: String, _ url: String, body: [UInt8]? = nil, headers: [String: String] = [:]
    ) throws -> (status: Int, body: [UInt8]) {
        var request = URLRequest(url: try #require(URL(string: url)))
        request.httpMethod = method
        request.httpBody = body.map { Data($0) }
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var answer: (Int, [UInt8])?
        URLSession.shared.dataTask(with: request) { data, response, _ in
            answer = ((response as? HTTPURLResponse)?.statusCode ?? 0, Array(data ?? Data()))
            done.signal()
        }.resume()
        #expect(done.wait(timeout: .now() + 30) == .success)
        let (status, bytes) = try #require(answer)
        return (status, bytes)
    }

    /// Files a building permit in `municipality` over HTTP.
    static func file(_ url: String, _ municipality: String) throws -> Intake.Receipt {
        let djibouti = municipality == "BLB"
        let submission = Intake.Submission(
            service: "building_permit", municipality: municipality,
            applicant: djibouti
                ? Intake.Applicant(name: "Hodan Ali", nationalID: "12345678", phone: "+25377123456")
                : Intake.Applicant(name: "Amal Ben Salem", nationalID: "119850123456", phone: "0912345678"),
            fields: [
                "parcel_location": .object(["lat": .number(32.88), "long": .number(13.19)]),
                "parcel_number": .string("P-1"), "building_use": .string("residential"),
                "works": .array([.string("new_building")]), "floors": .number(2), "floor_area_m2": .number(120),
            ])
        let answer = try http("POST", url + "/v1/requests", body: try ContractJSON.encode(submission))
        #expect(answer.status == 201, "\(String(decoding: answer.body, as: UTF8.self))")
        return try ContractJSON.decode(Intake.Receipt.self, from: answer.body)
    }

    /// The tracked request, read with its access token.
    static func track(_ url: String, _ receipt: Intake.Receipt) throws -> Tracking.Request {
        let answer = try http(
            "GET", url + "/v1/requests/" + receipt.trackingNumber,
            headers: ["Authorization": "Bearer " + receipt.accessToken])
        return try ContractJSON.decode(Tracking.Request.self, from: answer.body)
    }

    @Test("bills in LYD and DJF, counter receipts in sequence, a signed callback and its replay, reconciliation")
    func issueScenario() throws {
        try Clerk.withServer { world, url in
            let database = ["--database-url", world.database.url]
            for arguments in [["--municipality", "TRP"], ["--municipality", "BLB", "--due-days", "5"]] {
                let collect = try Clerk.nafidha(["admin", "collect-fees"] + arguments + database, environment: [:])
                #expect(collect.code == 0, "\(collect.error)")
            }
            let tripoliCashier = try Clerk.session(
                world, url: url, ["--name", "karim", "--role", "cashier", "--municipality", "TRP"])
            let balbalaCashier = try Clerk.session(
                world, url: url, ["--name", "ayan", "--role", "cashier", "--municipality", "BLB"])
            let provider = try Clerk.nafidha(
                ["admin", "create-payment-provider", "--name", "sadad"] + database, environment: [:])
            #expect(provider.code == 0 && provider.error.contains("only this once"))
            let secret = provider.output.trimmingCharacters(in: .whitespacesAndNewlines)

            // Two bills, two currencies, two requests waiting with their clocks paused.
            let tripoli = try Self.file(url, "TRP")
            let balbala = try Self.file(url, "BLB")
            let lydBill = try #require(tripoli.bill)
            let djfBill = try #require(balbala.bill)
            #expect(lydBill.money.amount == "250.000" && lydBill.money.currency == "LYD")
            #expect(djfBill.money.amount == "50000" && djfBill.money.currency == "DJF")
            #expect(tripoli.status == .awaitingPayment && tripoli.dueAt == nil)
            let waiting = try Self.track(url, tripoli)
            #expect(waiting.status == .awaitingPayment && waiting.dueAt == nil && waiting.bill == lydBill)
            #expect(waiting.steps.allSatisfy { $0.status == .waiting })

            // Cash at the counter opens the first stage; the next receipt follows the previous one.
            let paid = try Clerk.nafidha(
                ["pay", lydBill.number, "--amount", "250.000", "--method", "cash"], environment: tripoliCashier)
            #expect(paid.code == 0, "\(paid.error)")
            let year = Calendar(identifier: .gregorian).component(.year, from: Date())
            #expect(paid.output.contains("TRP-\(year)-000001") && paid.output.contains("250.000 LYD"))
            let tracked = try Self.track(url, tripoli)
            #expect(tracked.status == .submitted && tracked.bill?.status == .paid && tracked.dueAt != nil)
            #expect(tracked.steps.filter { $0.stage == 1 }.allSatisfy { $0.status == .open && $0.dueAt != nil })
            let second = try #require(try Self.file(url, "TRP").bill)
            let printed = try Clerk.nafidha(
                ["pay", second.number, "--amount", "٢٥٠٫٥", "--method", "card", "--html"],
                environment: tripoliCashier)
            #expect(printed.code == 1 && printed.error.contains("amount_mismatch"))
            let comma = try Clerk.nafidha(
                ["pay", second.number, "--amount", "250,000", "--method", "cash"], environment: tripoliCashier)
            #expect(comma.code == 1 && comma.error.contains("invalid_amount"))
            let html = try Clerk.nafidha(
                ["pay", second.number, "--amount", "٢٥٠", "--method", "card", "--reference", "SLIP-7", "--html"],
                environment: tripoliCashier)
            #expect(html.code == 0 && html.output.contains("dir=\"rtl\"") && html.output.contains("TRP-\(year)-000002"))
            let again = try Clerk.nafidha(
                ["pay", second.number, "--amount", "250", "--method", "cash"], environment: tripoliCashier)
            #expect(again.code == 1 && again.error.contains("bill_not_payable"))
            let djibouti = try Clerk.nafidha(
                ["pay", djfBill.number, "--amount", "50000", "--method", "transfer", "--json"],
                environment: balbalaCashier)
            #expect(djibouti.code == 0, "\(djibouti.error)")
            let receiptNumber = try djibouti.json()["number"] as? String
            #expect(receiptNumber == "BLB-\(year)-000001")

            // A signed callback pays another bill; its replay answers the same and changes nothing.
            let online = try #require(try Self.file(url, "TRP").bill)
            func callback(_ bill: Payments.Bill, _ minor: Int64, _ transaction: String) throws -> (Int, [UInt8]) {
                let body = try ContractJSON.encode(
                    Payments.Callback(
                        billNumber: bill.number, amountMinor: minor, currency: bill.money.currency,
                        transactionID: transaction, paidAt: Date()))
                let signature = CallbackSignature.header(body: body, secret: secret, timestamp: Date())
                let answer = try Self.http(
                    "POST", url + "/v1/payments/callbacks/sadad", body: body,
                    headers: ["X-Nafidha-Signature": signature])
                return (answer.status, answer.body)
            }
            let first = try callback(online, 250_000, "SD-1")
            #expect(first.0 == 200)
            let before = try world.query("SELECT count(*)::int8 AS n FROM payments")[0].decode("n", as: Int64.self)
            let replay = try callback(online, 250_000, "SD-1")
            #expect(replay.0 == 200 && replay.1 == first.1)
            #expect(
                try world.query("SELECT count(*)::int8 AS n FROM payments")[0].decode("n", as: Int64.self) == before)

            // A wrong amount is refused, the bill stays unpaid, and the attempt is kept for reconciliation.
            let short = try #require(try Self.file(url, "TRP").bill)
            let refused = try callback(short, 25_000, "SD-2")
            #expect(refused.0 == 422 && String(decoding: refused.1, as: UTF8.self).contains("amount_mismatch"))
            let kept = try world.query(
                "SELECT outcome FROM payment_callbacks WHERE transaction_id = 'SD-2'")[0].decode(
                    "outcome", as: String.self)
            #expect(kept == "mismatched")
            let unpaid = try world.query("SELECT status FROM bills WHERE number = $1", [short.number])[0]
            #expect(try unpaid.decode("status") == "unpaid")

            // What was paid, per currency, is what the bills say.
            let sums = try world.query(
                "SELECT currency, sum(amount_minor)::int8 AS s FROM payments GROUP BY currency ORDER BY currency")
            #expect(
                try sums.map { "\(try $0.decode("currency", as: String.self)) \(try $0.decode("s", as: Int64.self))" }
                    == ["DJF 50000", "LYD 750000"])

            // The payments report sums what was paid; reconciliation shows the callbacks against the bills.
            let auditor = try Clerk.session(world, url: url, ["--name", "aya", "--role", "auditor"])
            let report = try Clerk.nafidha(
                ["report", "payments", "--from", "2020-01-01", "--format", "json"], environment: auditor)
            #expect(report.code == 0, "\(report.error)")
            let paymentRows = try #require(try report.json()["rows"] as? [[String: Any]])
            var totals: [String: Int] = [:]
            for row in paymentRows {
                totals[row["currency"] as? String ?? "", default: 0] += row["paid_minor"] as? Int ?? 0
            }
            #expect(totals == ["LYD": 750_000, "DJF": 50000])
            let reconciliation = try Clerk.nafidha(
                ["report", "reconciliation", "--from", "2020-01-01", "--format", "json"], environment: auditor)
            let callbackRows = try #require(try reconciliation.json()["rows"] as? [[String: Any]])
            let byOutcome = Dictionary(
                uniqueKeysWithValues: callbackRows.map {
                    ($0["outcome"] as? String ?? "", [$0["callbacks"] as? Int ?? 0, $0["duplicates"] as? Int ?? 0])
                })
            #expect(byOutcome == ["matched": [1, 1], "mismatched": [1, 0]])

            try sequenceAudit(world.pool)
            let verify = try Clerk.nafidha(["admin", "audit-verify"] + database, environment: [:])
            #expect(verify.code == 0, "\(verify.output) \(verify.error)")
        }
    }
}
