import Foundation
import NafidhaContract
import Postgres

/// The delivery workers of `nafidha serve` (docs/notifications.md, "Delivery"): one thread with a connection of
/// its own claims due notifications for each configured channel (as much as its lane has room for), hands them to
/// the channel's lane of sending threads, records every attempt as results come back, and publishes committed events
/// to the feed. Several servers on one database share the work: claims skip rows another holds (`SKIP LOCKED`) and
/// move each claimed row past a lease, so a server killed mid-delivery leaves its rows pending, due again when the
/// lease ends: every notification is delivered at least once, and a repeat carries the same message id.
/// Requests are never slowed: nothing here runs on their threads or their pool.
public final class NotificationDispatcher: Sendable {
    /// Limits of the dispatcher; every one has a default.
    public struct Settings: Sendable {
        /// Time between polls while nothing is in flight (250 ms): a notification waits about this long.
        public var pollInterval: Duration = .milliseconds(250)
        /// Time between rounds while notifications are in flight (50 ms): results are recorded in batches.
        public var busyInterval: Duration = .milliseconds(50)
        /// Notifications claimed per channel per round at most (100).
        public var batchSize = 100
        /// How long a claim lasts (60 s); it must outlast one attempt (`OutgoingHTTPClient.Settings`'s timeouts).
        public var lease: Duration = .seconds(60)
        /// Events published to the feed per transaction (1,000).
        public var publishBatchSize = 1000
        /// Backoff and jitter of retries.
        public var retry = RetryPolicy()
        /// The connection's `statement_timeout` (30 s).
        public var statementTimeout: Duration = .seconds(30)
        /// The longest wait after consecutive database failures (5 s).
        public var maximumBackoff: Duration = .seconds(5)
        /// How often notifications of unconfigured channels past their window are dead-lettered (60 s).
        public var expiryInterval: Duration = .seconds(60)

        /// The defaults above.
        public init() {}
    }

    private let conninfo: String
    private let settings: Settings
    private let configured: [NotificationChannel]
    private let lanes: [DeliveryLane]
    private let client: OutgoingHTTPClient
    private let onError: @Sendable (any Error) -> Void
    private let inbox = DeliveryInbox()
    private let finished = DispatchSemaphore(value: 0)

    /// A dispatcher connecting with `conninfo`, delivering on `channels`; `onError` hears about failed rounds (the
    /// dispatcher goes on, reconnecting, after a growing pause).
    public init(
        conninfo: String, channels: NotificationChannels, settings: Settings = Settings(),
        onError: @escaping @Sendable (any Error) -> Void
    ) {
        self.conninfo = conninfo
        self.settings = settings
        self.onError = onError
        configured = channels.configured
        let client = OutgoingHTTPClient(settings: channels.http, connector: channels.connector)
        self.client = client
        var senders: [(any NotificationChannelSender, Int)] = []
        if let sms = channels.sms {
            senders.append((SMSGatewayChannel(url: sms.url, token: sms.token, client: client), channels.smsWorkers))
        }
        if let email = channels.email {
            senders.append((EmailChannel(sender: email.sender, from: email.from), channels.emailWorkers))
        }
        if channels.webhooks { senders.append((WebhookChannel(client: client), channels.webhookWorkers)) }
        let inbox = inbox
        lanes = senders.map { sender, workers in
            DeliveryLane(sender: sender, workerCount: workers, policy: settings.retry, deliver: inbox.post)
        }
    }

    /// Starts the lanes and the claiming thread; the first round runs at once.
    public func start() {
        for lane in lanes { lane.start() }
        let thread = Thread { [self] in loop() }
        thread.name = "nafidha-notifications"
        thread.start()
    }

    /// Stops: attempts in flight finish (bounded by the HTTP timeouts), their results are recorded, notifications
    /// claimed and not tried are given back, then the connection closes. Returns when all threads have ended.
    public func stop() {
        inbox.stop()
        finished.wait()
    }

    private func loop() {
        defer { finished.signal() }
        var connection: PostgresConnection?
        var failures = 0
        var lastExpiry = ContinuousClock.now - settings.expiryInterval
        while !inbox.isStopped {
            var pause = settings.pollInterval
            do {
                let store = try DeliveryStore(connection: connect(&connection))
                var busy = try round(store)
                if ContinuousClock.now - lastExpiry >= settings.expiryInterval {
                    _ = try store.expireUnconfigured(configured: configured)
                    lastExpiry = .now
                }
                busy = busy || lanes.contains { $0.room < $0.capacity }
                if busy { pause = settings.busyInterval }
                failures = 0
            } catch {
                connection = nil
                failures += 1
                onError(error)
                pause = min(settings.pollInterval * (1 << min(failures, 16)), settings.maximumBackoff)
            }
            sleep(pause)
        }
        // Stopping: let the lanes finish their attempts, then record them and give back what was never tried.
        let untried = lanes.flatMap { $0.stop() }
        client.closeIdleConnections()
        do {
            let store = try DeliveryStore(connection: connect(&connection))
            try store.record(inbox.waiting)
            try store.release(untried)
        } catch {
            onError(error)
        }
    }

    /// One round: record the results in, publish the feed, claim for every lane with room. Returns whether a claim
    /// or publication filled its batch (there is more to do at once).
    private func round(_ store: DeliveryStore) throws -> Bool {
        let done = inbox.waiting
        try store.record(done)
        inbox.remove(first: done.count)
        var more = false
        if let published = try store.publish(limit: settings.publishBatchSize) {
            more = published == settings.publishBatchSize
        }
        let lease = Double(settings.lease.components.seconds)
        for lane in lanes {
            let room = min(lane.room, settings.batchSize)
            guard room > 0 else { continue }
            let jobs = try store.claim(lane.channel, limit: room, lease: lease)
            lane.enqueue(jobs)
            more = more || jobs.count == settings.batchSize
        }
        return more
    }

    private func connect(_ connection: inout PostgresConnection?) throws -> PostgresConnection {
        if let connection, connection.isHealthy { return connection }
        var connectionSettings = PostgresConnection.Settings()
        connectionSettings.statementTimeout = settings.statementTimeout
        let opened = try PostgresConnection(conninfo: conninfo, settings: connectionSettings)
        connection = opened
        return opened
    }

    /// Waits `pause`, or less when a result arrives or `stop()` is called.
    private func sleep(_ pause: Duration) {
        guard pause > .zero else { return }
        let seconds = Double(pause.components.seconds) + Double(pause.components.attoseconds) / 1e18
        inbox.wait(until: Date().addingTimeInterval(seconds), enough: settings.batchSize)
    }
}
