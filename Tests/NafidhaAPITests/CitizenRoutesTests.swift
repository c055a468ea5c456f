import Foundation
import NafidhaContract
import NafidhaCore
import Postgres
import TestSupport
import Testing

/// Phone sign-in, "my requests" and the tracking routes with a session (docs/citizens.md).
@Suite("Citizen sign-in")
struct CitizenRoutesTests {
    static let phone = "0912345678"
    static let e164 = "+218912345678"

    /// A building permit filed in Benghazi with `phone`; returns its tracking number and access token.
    static func file(_ client: APIClient, phone: String = phone) throws -> (tracking: String, token: String) {
        let body = """
            {"service": "building_permit", "municipality": "BEN",
             "applicant": {"name": "Amal Ben Salem", "national_id": "119850123456", "phone": "\(phone)"},
             "fields": {"parcel_location": {"lat": 32.1, "long": 20.07}, "parcel_number": "P-1/2",
                        "building_use": "residential", "works": ["new_building"], "floors": 2, "floor_area_m2": 240}}
            """
        let created = try client.send("POST", "/v1/requests", body: body)
        try #require(created.status == 201, "\(created.text)")
        let receipt = try created.object()
        return (
            try #require(receipt["tracking_number"] as? String), try #require(receipt["access_token"] as? String)
        )
    }

    /// Asks for a code for `phone`.
    static func askCode(_ client: APIClient, phone: String = phone) throws -> APIResponse {
        try client.send("POST", "/v1/citizen/codes", body: #"{"phone": "\#(phone)"}"#)
    }

    /// The code of the SMS still waiting in the outbox for `phone` (the newest), read from its rendered text.
    static func pendingCode(_ pool: PostgresPool, phone: String = e164) throws -> String {
        let body: String = try pool.withConnection { connection in
            try connection.query(
                "SELECT body FROM notifications WHERE recipient = $1 AND body IS NOT NULL ORDER BY id DESC LIMIT 1",
                [phone])[0].decode("body")
        }
        return try #require(code(in: body))
    }

    /// The six digits of an SMS text.
    static func code(in text: String) -> String? {
        text.range(of: "[0-9]{6}", options: .regularExpression).map { String(text[$0]) }
    }

    static func signIn(_ client: APIClient, code: String, phone: String = phone) throws -> APIResponse {
        try client.send("POST", "/v1/citizen/sessions", body: #"{"phone": "\#(phone)", "code": "\#(code)"}"#)
    }

    static func bearer(_ token: String) -> [(String, String)] { [("Authorization", "Bearer \(token)")] }

    func withAPI(_ body: (APIClient, PostgresPool) throws -> Void) throws {
        try TestDatabase.withDemoCatalog { database in
            let pool = PostgresPool(conninfo: database.conninfo)
            defer { pool.close() }
            try body(APIClient(pool: pool), pool)
        }
    }

    @Test("the code arrives by SMS through a local gateway; its session lists and opens the phone's requests only")
    func signInThroughGateway() throws {
        try TestDatabase.withDemoCatalog { database in
            let pool = PostgresPool(conninfo: database.conninfo)
            defer { pool.close() }
            let client = APIClient(pool: pool)
            let mine = try Self.file(client)
            let other = try Self.file(client, phone: "0923456789")
            try HTTPReceiver.with { gateway in
                var channels = NotificationChannels()
                channels.sms = .init(url: try OutgoingURL(gateway.url("/sms")), token: nil)
                var settings = NotificationDispatcher.Settings()
                settings.pollInterval = .milliseconds(20)
                let dispatcher = NotificationDispatcher(
                    conninfo: database.conninfo, channels: channels, settings: settings, onError: { _ in })
                dispatcher.start()
                defer { dispatcher.stop() }

                let asked = try client.send(
                    "POST", "/v1/citizen/codes", headers: [("Accept-Language", "fr")],
                    body: #"{"phone": "+218 91 234 5678"}"#)
                #expect(asked.status == 202)
                #expect(try asked.object()["code_length"] as? Int == 6)
                var sms: HTTPReceiver.Received?
                let deadline = Date().addingTimeInterval(30)
                while sms == nil && Date() < deadline {
                    sms = gateway.requests.first { ($0.json["text"] as? String)?.contains("code") == true }
                    if sms == nil { Thread.sleep(forTimeInterval: 0.05) }
                }
                let received = try #require(sms)
                #expect(received.json["to"] as? String == Self.e164)
                #expect(received.json["language"] as? String == "fr")
                let text = try #require(received.json["text"] as? String)
                #expect(text.hasPrefix("Votre code de connexion"))
                let code = try #require(Self.code(in: text))

                // Once recorded sent, the outbox keeps no readable code; the code row keeps only a salted hash.
                var stored: PostgresRows?
                while Date() < deadline {
                    let rows = try pool.withConnection { connection in
                        try connection.query(
                            """
                            SELECT n.body, n.state, c.code_hash FROM notifications n
                              JOIN citizen_sign_in_codes c ON c.phone = n.recipient
                             WHERE n.recipient = $1 AND n.event_id IS NULL AND n.state = 'sent'
                            """, [Self.e164])
                    }
                    if !rows.isEmpty {
                        stored = rows
                        break
                    }
                    Thread.sleep(forTimeInterval: 0.05)
                }
                let sent = try #require(stored)
                #expect(sent.count == 1)
                #expect(try sent[0].decode("body", as: String?.self) == nil)
                #expect(try sent[0].decode("code_hash", as: [UInt8].self) != SHA256.hash(code))

                let signedIn = try Self.signIn(client, code: code)
                #expect(signedIn.status == 201, "\(signedIn.text)")
                let session = try #require(try signedIn.object()["token"] as? String)
                #expect(try signedIn.object()["phone"] as? String == Self.e164)

                let listed = try client.send("GET", "/v1/citizen/requests", headers: Self.bearer(session))
                #expect(listed.status == 200)
                let requests = try #require(try listed.object()["requests"] as? [[String: Any]])
                #expect(requests.map { $0["tracking_number"] as? String } == [mine.tracking])

                // The tracking routes take the session for the phone's requests, and answer another's as unknown.
                let seen = try client.send("GET", "/v1/requests/\(mine.tracking)", headers: Self.bearer(session))
                #expect(seen.status == 200)
                let foreign = try client.send("GET", "/v1/requests/\(other.tracking)", headers: Self.bearer(session))
                let unknown = try client.send("GET", "/v1/requests/BEN-0000-0000", headers: Self.bearer(session))
                #expect(foreign.status == 404 && foreign.errorCode == "request_not_found")
                #expect(foreign.text == unknown.text)
                let cancelForeign = try client.send(
                    "POST", "/v1/requests/\(other.tracking)/cancel", headers: Self.bearer(session))
                #expect(cancelForeign.status == 404 && cancelForeign.errorCode == "request_not_found")
                // The access token still works as before.
                #expect(
                    try client.send("GET", "/v1/requests/\(mine.tracking)", headers: Self.bearer(mine.token)).status
                        == 200)

                // The session acts as the access token does: the citizen cancels their request with it.
                let cancelled = try client.send(
                    "POST", "/v1/requests/\(mine.tracking)/cancel", headers: Self.bearer(session))
                #expect(cancelled.status == 200)
                #expect(try cancelled.object()["status"] as? String == "cancelled")

                // Signing out ends the session everywhere.
                let out = try client.send("DELETE", "/v1/citizen/sessions/current", headers: Self.bearer(session))
                #expect(out.status == 200)
                let after = try client.send("GET", "/v1/citizen/requests", headers: Self.bearer(session))
                #expect(after.status == 401 && after.errorCode == "invalid_session")
                let tracked = try client.send("GET", "/v1/requests/\(mine.tracking)", headers: Self.bearer(session))
                #expect(tracked.status == 404)
            }
        }
    }

    @Test("five wrong codes lock the code: the right one is then refused too, and a new code is needed")
    func bruteForceIsLockedOut() throws {
        try withAPI { client, pool in
            _ = try Self.file(client)
            #expect(try Self.askCode(client).status == 202)
            let code = try Self.pendingCode(pool)
            let wrong = code == "000000" ? "000001" : "000000"
            var answers: [APIResponse] = []
            for _ in 0..<5 { answers.append(try Self.signIn(client, code: wrong)) }
            #expect(answers.allSatisfy { $0.status == 400 && $0.errorCode == "invalid_sign_in_code" })
            let locked = try Self.signIn(client, code: code)
            #expect(locked.status == 429 && locked.errorCode == "sign_in_code_locked")
            // A phone no code was sent to answers exactly as a wrong code does.
            let unknown = try Self.signIn(client, code: code, phone: "0945678901")
            #expect(unknown.status == 400 && unknown.text == answers[0].text)
            // A new code works.
            #expect(try Self.askCode(client).status == 202)
            let fresh = try Self.pendingCode(pool)
            #expect(try Self.signIn(client, code: fresh).status == 201)
            // It is used: it does not open a second session.
            #expect(try Self.signIn(client, code: fresh).errorCode == "invalid_sign_in_code")
        }
    }

    @Test("a newer code replaces the older one")
    func newerCodeReplacesOlder() throws {
        try withAPI { client, pool in
            #expect(try Self.askCode(client).status == 202)
            let first = try Self.pendingCode(pool)
            #expect(try Self.askCode(client).status == 202)
            let second = try Self.pendingCode(pool)
            if first != second {
                #expect(try Self.signIn(client, code: first).errorCode == "invalid_sign_in_code")
            }
            #expect(try Self.signIn(client, code: second).status == 201)
        }
    }

    @Test("codes are limited per phone and per client address, with Retry-After; every phone gets the same 202")
    func codesAreRateLimited() throws {
        try withAPI { client, _ in
            _ = try Self.file(client)
            let withRequests = try Self.askCode(client)
            let withoutRequests = try Self.askCode(client, phone: "0945678901")
            #expect(withRequests.status == 202 && withRequests.text == withoutRequests.text)
            #expect(try Self.askCode(client).status == 202)
            #expect(try Self.askCode(client).status == 202)
            let limited = try Self.askCode(client)
            #expect(limited.status == 429 && limited.errorCode == "too_many_sign_in_codes")
            let wait = try #require(limited.headers.first(name: "Retry-After").flatMap { Int($0) })
            #expect(wait > 0 && wait <= 900)

            // Another address may still ask for another phone, until that address asked 20 codes in the hour.
            let elsewhere = client.from("198.51.100.7")
            var statuses: [Int] = []
            for index in 0..<21 {
                statuses.append(try Self.askCode(elsewhere, phone: "09\(1_000_000 + index)1").status)
            }
            #expect(statuses.prefix(20).allSatisfy { $0 == 202 })
            #expect(statuses.last == 429)
        }
    }

    @Test("bad input: a malformed phone, a malformed body, a missing or unknown session, a forged cursor")
    func badInput() throws {
        try withAPI { client, _ in
            let phone = try Self.askCode(client, phone: "12")
            #expect(phone.status == 422 && phone.errorCode == "validation_failed")
            #expect(((try phone.object()["error"] as? [String: Any])?["fields"] as? [String: Any])?["phone"] != nil)
            #expect(try client.send("POST", "/v1/citizen/codes", body: "{}").status == 422)
            let missing = try client.send("GET", "/v1/citizen/requests")
            #expect(missing.status == 401 && missing.errorCode == "invalid_session")
            let unknown = try client.send("GET", "/v1/citizen/requests", headers: Self.bearer("nope"))
            #expect(unknown.status == 401 && unknown.errorCode == "invalid_session")
            let signOut = try client.send("DELETE", "/v1/citizen/sessions/current", headers: Self.bearer("nope"))
            #expect(signOut.status == 401 && signOut.errorCode == "invalid_session")
        }
    }

    @Test("my requests are listed newest first, page by page, with a strict cursor")
    func paging() throws {
        try withAPI { client, pool in
            let filed = try (0..<3).map { _ in try Self.file(client) }
            #expect(try Self.askCode(client).status == 202)
            let session = try #require(
                try Self.signIn(client, code: try Self.pendingCode(pool)).object()["token"] as? String)
            let first = try client.send("GET", "/v1/citizen/requests?limit=2", headers: Self.bearer(session))
            let firstPage = try first.object()
            let cursor = try #require(firstPage["next_cursor"] as? String)
            let second = try client.send(
                "GET", "/v1/citizen/requests?limit=2&cursor=\(cursor)", headers: Self.bearer(session))
            let secondPage = try second.object()
            #expect(secondPage["next_cursor"] == nil)
            let listed =
                ((firstPage["requests"] as? [[String: Any]] ?? []) + (secondPage["requests"] as? [[String: Any]] ?? []))
                .map { $0["tracking_number"] as? String }
            #expect(listed == filed.reversed().map(\.tracking))
            let forged = try client.send("GET", "/v1/citizen/requests?cursor=abc", headers: Self.bearer(session))
            #expect(forged.status == 400 && forged.errorCode == "invalid_cursor")
            let zero = try client.send("GET", "/v1/citizen/requests?limit=0", headers: Self.bearer(session))
            #expect(zero.status == 400)
        }
    }
}
