import Foundation
import NafidhaContract
import NafidhaCore
import Postgres
import TestSupport
import Testing

/// What the outbox keeps of a sign-in code (docs/citizens.md, "What is stored").
@Suite("Citizen sign-in codes in the outbox")
struct CitizenSignInTests {
    @Test("a code's SMS that no channel sends is dead-lettered once the code expires, its text erased")
    func unsentCodeIsErased() throws {
        try StaffTestWorld.with { world in
            var limits = CitizenSignIn.Limits()
            limits.codeLifetime = 1
            let signIn = CitizenSignIn(pool: world.pool, limits: limits)
            let outcome = try signIn.sendCode(phone: "0912345678", language: .arabic, client: "192.0.2.9")
            #expect(outcome == .sent(Citizen.CodeSent(codeLength: 6, expiresInSeconds: 1)))
            let pending = try world.query("SELECT body, state, event_id, request_id FROM notifications")
            let text = try #require(try pending[0].decode("body", as: String?.self))
            let code = try #require(text.range(of: "[0-9]{6}", options: .regularExpression).map { String(text[$0]) })
            #expect(try pending[0].decode("state", as: String.self) == "pending")
            #expect(try pending[0].decode("event_id", as: Int64?.self) == nil)
            Thread.sleep(forTimeInterval: 1.2)

            var settings = NotificationDispatcher.Settings()
            settings.pollInterval = .milliseconds(20)
            settings.expiryInterval = .milliseconds(50)
            let dispatcher = NotificationDispatcher(
                conninfo: world.database.conninfo, channels: NotificationChannels(), settings: settings,
                onError: { _ in })
            dispatcher.start()
            defer { dispatcher.stop() }
            var rows: PostgresRows?
            let deadline = Date().addingTimeInterval(20)
            while Date() < deadline {
                let found = try world.query("SELECT body, last_error FROM notifications WHERE state = 'dead'")
                if !found.isEmpty {
                    rows = found
                    break
                }
                Thread.sleep(forTimeInterval: 0.05)
            }
            let dead = try #require(rows)
            #expect(try dead[0].decode("body", as: String?.self) == nil)
            #expect(try dead[0].decode("last_error", as: String?.self)?.contains("not configured") == true)
            do {
                _ = try signIn.signIn(phone: "+218912345678", code: code)
                Issue.record("an expired code opened a session")
            } catch let error as NafidhaError {
                #expect(error.code == .invalidSignInCode)
            }
        }
    }
}
