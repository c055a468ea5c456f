import Foundation
import NafidhaCore

/// The delivery workers' configuration for `nafidha serve`, from `NAFIDHA_*` environment variables
/// (docs/operations.md): the channels, the workers and their bounds, and a redacted summary to print at start.
struct NotificationSettings {
    /// The channels this server delivers on; nil when `NAFIDHA_NOTIFY=off` (the server writes notifications, other
    /// servers deliver them).
    var channels: NotificationChannels?
    /// The dispatcher's bounds.
    var dispatcher = NotificationDispatcher.Settings()
    /// What to print at start, secrets left out.
    var summary: [String] = []

    /// The whole-number settings, each with its range and where it goes.
    static let variables:
        [(name: String, apply: @Sendable (inout NotificationSettings, Int) -> Void, range: ClosedRange<Int>)] = [
            ("NAFIDHA_NOTIFY_SMS_WORKERS", { $0.channels?.smsWorkers = $1 }, 1...256),
            ("NAFIDHA_NOTIFY_EMAIL_WORKERS", { $0.channels?.emailWorkers = $1 }, 1...256),
            ("NAFIDHA_NOTIFY_WEBHOOK_WORKERS", { $0.channels?.webhookWorkers = $1 }, 0...256),
            ("NAFIDHA_NOTIFY_BATCH", { $0.dispatcher.batchSize = $1 }, 1...10_000),
            ("NAFIDHA_NOTIFY_POLL_MS", { $0.dispatcher.pollInterval = .milliseconds($1) }, 10...60_000),
            ("NAFIDHA_NOTIFY_LEASE_SECONDS", { $0.dispatcher.lease = .seconds($1) }, 2...3600),
            ("NAFIDHA_NOTIFY_CONNECT_TIMEOUT_SECONDS", { $0.channels?.http.connectTimeout = .seconds($1) }, 1...300),
            ("NAFIDHA_NOTIFY_TIMEOUT_SECONDS", { $0.channels?.http.requestTimeout = .seconds($1) }, 1...600),
            ("NAFIDHA_NOTIFY_RETRY_INITIAL_SECONDS", { $0.dispatcher.retry.initialDelay = TimeInterval($1) }, 1...3600),
            ("NAFIDHA_NOTIFY_RETRY_MAX_SECONDS", { $0.dispatcher.retry.maximumDelay = TimeInterval($1) }, 1...86_400),
        ]

    /// The settings of `environment`; a malformed value is an error naming its variable.
    static func resolve(environment: [String: String]) throws -> NotificationSettings {
        func value(_ name: String) -> String? {
            environment[name].flatMap { $0.isEmpty ? nil : $0 }
        }
        var settings = NotificationSettings()
        switch value("NAFIDHA_NOTIFY") {
        case nil, "on": break
        case "off":
            settings.summary = ["Notifications: not delivered by this server (NAFIDHA_NOTIFY=off)."]
            return settings
        case let other?:
            throw CommandFailure("NAFIDHA_NOTIFY must be on or off, not '\(other)'")
        }
        var channels = NotificationChannels()
        channels.connector = NetworkConnector(additionalCAFile: value("NAFIDHA_NOTIFY_CA_FILE"))
        if let text = value("NAFIDHA_SMS_URL") {
            let url: OutgoingURL
            do {
                url = try OutgoingURL(text)
            } catch {
                throw CommandFailure("NAFIDHA_SMS_URL: \(error)")
            }
            channels.sms = .init(url: url, token: value("NAFIDHA_SMS_TOKEN"))
        }
        var emailLine = "e-mail not configured"
        let sender: SMTPEmailSender?
        do {
            sender = try SMTPEmailSender.configured(by: environment)
        } catch {
            throw CommandFailure("\(error)")
        }
        if let sender {
            channels.email = .init(sender: sender, from: sender.fromAddress)
            emailLine = "e-mail from \(sender.fromAddress) through \(sender.server)"
        }
        settings.channels = channels
        for variable in variables {
            guard let text = value(variable.name) else { continue }
            guard let number = Int(text), variable.range.contains(number) else {
                throw CommandFailure(
                    "\(variable.name) must be a whole number from \(variable.range.lowerBound) to \(variable.range.upperBound), not '\(text)'"
                )
            }
            variable.apply(&settings, number)
        }
        if settings.channels?.webhookWorkers == 0 { settings.channels?.webhooks = false }
        let http = settings.channels?.http ?? .init()
        guard settings.dispatcher.lease > http.requestTimeout + .seconds(1) else {
            throw CommandFailure(
                "NAFIDHA_NOTIFY_LEASE_SECONDS must exceed NAFIDHA_NOTIFY_TIMEOUT_SECONDS by more than a second, so a "
                    + "claim outlasts its attempt")
        }
        let smsLine =
            channels.sms.map { "SMS to \($0.url.redacted) (token \($0.token == nil ? "not set" : "set"))" }
            ?? "SMS not configured"
        let webhookLine = settings.channels?.webhooks == true ? "webhooks on" : "webhooks off"
        settings.summary = ["Notifications: \(smsLine); \(emailLine); \(webhookLine)."]
        return settings
    }
}
