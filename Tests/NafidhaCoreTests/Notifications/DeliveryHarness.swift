import Foundation
import NafidhaContract
import NafidhaCore
import Postgres
import TestSupport

/// Runs the real dispatcher against real local receivers, with short timeouts and retry delays so faults play out
/// in seconds.
enum DeliveryHarness {
    /// Settings that poll often, lease briefly and retry soon.
    static var settings: NotificationDispatcher.Settings {
        var settings = NotificationDispatcher.Settings()
        settings.pollInterval = .milliseconds(20)
        settings.busyInterval = .milliseconds(10)
        settings.lease = .seconds(5)
        settings.retry.initialDelay = 0.2
        settings.retry.maximumDelay = 0.5
        return settings
    }

    /// Channels: SMS to `sms` (with a token), e-mail through `email`, webhooks; HTTP timeouts of one second.
    static func channels(sms: String?, email: (any EmailSender)? = nil) throws -> NotificationChannels {
        var channels = NotificationChannels()
        if let sms { channels.sms = .init(url: try OutgoingURL(sms), token: "gateway-secret") }
        if let email { channels.email = .init(sender: email, from: "guichet@ben.ly") }
        channels.http.connectTimeout = .seconds(1)
        channels.http.requestTimeout = .seconds(1)
        channels.smsWorkers = 4
        channels.webhookWorkers = 4
        channels.emailWorkers = 2
        return channels
    }

    /// Runs `body` with a started dispatcher over `world`'s database, stopped afterwards.
    static func with<T>(
        _ world: NotificationWorld, channels: NotificationChannels,
        settings: NotificationDispatcher.Settings = settings,
        _ body: (NotificationDispatcher) throws -> T
    ) throws -> T {
        let dispatcher = NotificationDispatcher(
            conninfo: world.world.database.conninfo, channels: channels, settings: settings, onError: { _ in })
        dispatcher.start()
        defer { dispatcher.stop() }
        return try body(dispatcher)
    }

    /// Waits until `condition` holds, checking every 50 ms, for at most `seconds`; returns whether it held.
    @discardableResult
    static func eventually(_ seconds: TimeInterval = 30, _ condition: () throws -> Bool) throws -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if try condition() { return true }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return try condition()
    }

    /// Notifications per state, for the whole database.
    static func states(_ world: NotificationWorld) throws -> [String: Int64] {
        var states: [String: Int64] = [:]
        for row in try world.world.query("SELECT state, count(*) AS n FROM notifications GROUP BY state") {
            states[try row.decode("state")] = try row.decode("n")
        }
        return states
    }

    /// The attempts of the request's notifications of `channel`, in order: outcome and status code.
    static func attempts(_ world: NotificationWorld, _ request: NotificationWorld.Filed, channel: String) throws
        -> [String]
    {
        try world.world.query(
            """
            SELECT a.outcome, a.status_code FROM notification_attempts a JOIN notifications n ON n.id = a.notification_id
             WHERE n.request_id = $1 AND n.channel = $2 ORDER BY a.started_at
            """,
            [request.id, channel]
        ).map {
            "\(try $0.decode("outcome", as: String.self)) \(try $0.decode("status_code", as: Int?.self).map(String.init) ?? "-")"
        }
    }
}
