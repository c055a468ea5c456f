import Foundation
import Transport

/// The e-mail settings of a deployment, read from the environment (docs/notifications-mail.md):
///
/// | variable | meaning | default |
/// | --- | --- | --- |
/// | `NAFIDHA_SMTP_URL` | the server (`SMTPURL`'s forms); unset: no e-mail | — |
/// | `NAFIDHA_MAIL_FROM` | the sender, `address` or `Name <address>` | required with the URL |
/// | `NAFIDHA_SMTP_CA_FILE` | a PEM file of CA certificates trusted besides the system's | none |
/// | `NAFIDHA_SMTP_HELO_NAME` | the name given in EHLO | the host name |
/// | `NAFIDHA_SMTP_CONNECT_TIMEOUT_SECONDS` | seconds to connect (and for smtps the handshake) | 15 |
/// | `NAFIDHA_SMTP_COMMAND_TIMEOUT_SECONDS` | seconds for each command's reply | 60 |
/// | `NAFIDHA_SMTP_MESSAGE_TIMEOUT_SECONDS` | seconds to send the message and get its reply | 180 |
/// | `NAFIDHA_SMTP_MAX_REPLY_BYTES` | the longest reply accepted | 16384 |
public struct MailSettings: Sendable {
    /// The client's configuration.
    public var smtp: SMTPConfiguration
    /// The `From` of every notification.
    public var sender: MailAddress

    /// The settings in `environment`, or `nil` when `NAFIDHA_SMTP_URL` is unset or empty (e-mail is off).
    ///
    /// - Throws: `MailConfigurationError` naming the variable that is malformed or missing.
    public init?(environment: [String: String]) throws(MailConfigurationError) {
        guard let urlText = environment["NAFIDHA_SMTP_URL"], !urlText.isEmpty else { return nil }
        let url: SMTPURL
        do {
            url = try SMTPURL(urlText)
        } catch {
            throw MailConfigurationError("NAFIDHA_SMTP_URL: \(error)")
        }
        guard let from = environment["NAFIDHA_MAIL_FROM"], !from.isEmpty else {
            throw MailConfigurationError("NAFIDHA_MAIL_FROM must be set when NAFIDHA_SMTP_URL is")
        }
        sender = try Self.parseSender(from)
        smtp = SMTPConfiguration(
            server: url,
            tls: TLSConfiguration(additionalCAFile: environment["NAFIDHA_SMTP_CA_FILE"].flatMap(Self.nonEmpty)),
            heloName: environment["NAFIDHA_SMTP_HELO_NAME"].flatMap(Self.nonEmpty))
        let timeouts: [(variable: String, setting: WritableKeyPath<SMTPConfiguration, Duration>)] = [
            ("NAFIDHA_SMTP_CONNECT_TIMEOUT_SECONDS", \.connectTimeout),
            ("NAFIDHA_SMTP_COMMAND_TIMEOUT_SECONDS", \.commandTimeout),
            ("NAFIDHA_SMTP_MESSAGE_TIMEOUT_SECONDS", \.messageTimeout),
        ]
        for timeout in timeouts {
            if let seconds = try Self.seconds(environment, timeout.variable) {
                smtp[keyPath: timeout.setting] = seconds
            }
        }
        if let text = environment["NAFIDHA_SMTP_MAX_REPLY_BYTES"].flatMap(Self.nonEmpty) {
            guard let bytes = Int(text), bytes >= 512 else {
                throw MailConfigurationError("NAFIDHA_SMTP_MAX_REPLY_BYTES must be a whole number of at least 512")
            }
            smtp.maximumReplyBytes = bytes
        }
    }

    /// `address` or `Display Name <address>` (the name may be quoted).
    private static func parseSender(_ text: String) throws(MailConfigurationError) -> MailAddress {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        var name: String?
        var address = trimmed
        if trimmed.hasSuffix(">"), let open = trimmed.lastIndex(of: "<") {
            address = String(trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)])
            var shown = trimmed[..<open].trimmingCharacters(in: .whitespaces)
            if shown.count >= 2 && shown.hasPrefix("\"") && shown.hasSuffix("\"") {
                shown = String(shown.dropFirst().dropLast())
            }
            name = shown.isEmpty ? nil : shown
        }
        do {
            return try MailAddress(address, displayName: name)
        } catch {
            throw MailConfigurationError("NAFIDHA_MAIL_FROM: \(error)")
        }
    }

    /// A positive number of seconds (fractions allowed) in `variable`, or `nil` when unset.
    private static func seconds(_ environment: [String: String], _ variable: String) throws(MailConfigurationError)
        -> Duration?
    {
        guard let text = environment[variable].flatMap(nonEmpty) else { return nil }
        guard let value = Double(text), value > 0, value <= 3600 else {
            throw MailConfigurationError("\(variable) must be a number of seconds greater than 0, at most 3600")
        }
        return .milliseconds(Int64((value * 1000).rounded(.up)))
    }

    private static func nonEmpty(_ text: String) -> String? {
        text.isEmpty ? nil : text
    }
}
