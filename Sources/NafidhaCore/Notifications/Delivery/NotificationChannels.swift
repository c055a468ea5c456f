import NafidhaContract

/// The channels a server delivers on, as `nafidha serve` configures them from its environment (docs/operations.md):
/// a channel left unconfigured is not claimed by this server, and its notifications wait (then are dead-lettered
/// when their retry window ends).
public struct NotificationChannels: Sendable {
    /// The SMS gateway: where to POST, and its bearer token if it wants one.
    public struct SMSGateway: Sendable {
        /// `NAFIDHA_SMS_URL`.
        public var url: OutgoingURL
        /// `NAFIDHA_SMS_TOKEN`.
        public var token: String?

        /// A gateway.
        public init(url: OutgoingURL, token: String?) {
            self.url = url
            self.token = token
        }
    }

    /// E-mail: who sends it, and from which address.
    public struct Email: Sendable {
        /// The SMTP client.
        public var sender: any EmailSender
        /// `NAFIDHA_MAIL_FROM`.
        public var from: String

        /// An e-mail channel.
        public init(sender: any EmailSender, from: String) {
            self.sender = sender
            self.from = from
        }
    }

    /// SMS, when configured.
    public var sms: SMSGateway?
    /// E-mail, when configured.
    public var email: Email?
    /// Whether this server delivers webhooks (they need no configuration beyond their subscriptions).
    public var webhooks = true
    /// Timeouts and size caps of the SMS gateway's and the webhooks' HTTP exchanges.
    public var http = OutgoingHTTPClient.Settings()
    /// Where the HTTP client's connections come from: TCP, and TLS for `https://` (`NetworkConnector`).
    public var connector: any StreamConnector = NetworkConnector()
    /// Threads sending SMS (16), e-mails (4) and webhooks (16).
    public var smsWorkers = 16
    /// Threads sending e-mails.
    public var emailWorkers = 4
    /// Threads sending webhooks.
    public var webhookWorkers = 16

    /// No channel but webhooks.
    public init() {}

    /// The channels configured, in a fixed order.
    public var configured: [NotificationChannel] {
        (sms == nil ? [] : [.sms]) + (email == nil ? [] : [.email]) + (webhooks ? [.webhook] : [])
    }
}
