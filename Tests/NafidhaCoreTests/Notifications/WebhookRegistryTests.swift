import Foundation
import NafidhaContract
import NafidhaCore
import Postgres
import TestSupport
import Testing

@Suite("Webhook subscriptions")
struct WebhookRegistryTests {
    @Test("a subscription's URL, event types, municipalities and sectors are checked; https is accepted")
    func validation() throws {
        try NotificationWorld.with { world in
            let registry = world.services.webhooks
            func create(_ url: String, events: [String] = [], municipalities: [String] = [], sectors: [String] = [])
                throws
            {
                _ = try registry.create(
                    url: url, eventTypes: events, municipalities: municipalities, sectors: sectors,
                    includePersonalData: false)
            }
            expectError("invalid_webhook") { try create("ftp://example.ly/x") }
            expectError("invalid_webhook") { try create("https://user:secret@example.ly/hook") }
            expectError("invalid_webhook") { try create("http://example.ly/hook", events: ["request.exploded"]) }
            expectError("invalid_webhook") { try create("http://example.ly/hook", municipalities: ["XYZ"]) }
            expectError("invalid_webhook") { try create("http://example.ly/hook", sectors: ["space"]) }
            #expect(try registry.list().isEmpty)
            _ = try create("https://crm.example.ly/hook")
            let created = try registry.create(
                url: "http://example.ly/hook", eventTypes: ["task.escalated", "request.approved", "task.escalated"],
                municipalities: ["BEN", "TRP"], sectors: ["health"], includePersonalData: false)
            #expect(created.secret.text.hasPrefix("whsec_") && created.secret.bytes.count == 32)
            #expect(try registry.list().map(\.id) == [created.webhook.id - 1, created.webhook.id])
            #expect(created.webhook.eventTypes == [.escalated, .approved])
        }
    }

    @Test("personal data is recorded in the audit trail of each municipality covered, at creation and deletion")
    func auditsPersonalData() throws {
        try NotificationWorld.with { world in
            let registry = world.services.webhooks
            _ = try registry.create(
                url: "http://example.ly/plain", eventTypes: [], municipalities: ["BEN"], sectors: [],
                includePersonalData: false)
            let personal = try registry.create(
                url: "http://crm.example.ly/hook", eventTypes: [], municipalities: ["BEN", "TRP"], sectors: [],
                includePersonalData: true)
            try registry.delete(id: personal.webhook.id)
            let rows = try world.world.query(
                "SELECT municipality_code, action, actor, details FROM audit_events WHERE action LIKE 'webhook_%' ORDER BY id"
            )
            #expect(
                try rows.map {
                    "\(try $0.decode("action", as: String.self)) \(try $0.decode("municipality_code", as: String.self))"
                }
                    == ["webhook_created BEN", "webhook_created TRP", "webhook_deleted BEN", "webhook_deleted TRP"])
            #expect(try rows[0].decode("details", as: String.self).contains(#""host":"crm.example.ly""#))
            #expect(try sequenceAudit(world.world.database) > 0)
            #expect(try world.pool.withConnection { try AuditLog.verifyAll(full: true, on: $0) }.allSatisfy(\.intact))
        }
    }

    @Test("deleting a subscription stops its deliveries: pending ones are dead-lettered; a second delete is not found")
    func deletion() throws {
        try NotificationWorld.with { world in
            let registry = world.services.webhooks
            let hook = try registry.create(
                url: "http://127.0.0.1:9/hook", eventTypes: [], municipalities: [], sectors: [],
                includePersonalData: false)
            let filed = try world.file()
            #expect(try registry.delete(id: hook.webhook.id) == 1)
            #expect(try world.notifications(of: filed).filter { $0.channel == "webhook" }.map(\.state) == ["dead"])
            expectError("webhook_not_found") { try registry.delete(id: hook.webhook.id) }
            #expect(try registry.list().isEmpty)
        }
    }
}
