import NafidhaContract

/// One way notifications travel: renders a claimed notification and sends it once, reporting what happened. Runs on
/// a delivery worker's own thread, so it may block, within its own bounds.
protocol NotificationChannelSender: Sendable {
    /// The channel it serves.
    var channel: NotificationChannel { get }
    /// Sends `job` once.
    func deliver(_ job: DeliveryJob) -> DeliveryOutcome
}
