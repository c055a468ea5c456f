import Foundation
import NafidhaCore
import Synchronization

/// An e-mail sender that records every message it is given and fails as the test says: the tests of rendering and
/// delivery bookkeeping use it; NotificationMailTests sends through the real SMTP client to aiosmtpd.
final class RecordingEmailSender: EmailSender {
    private let sent = Mutex<[EmailMessage]>([])
    private let failure: Mutex<@Sendable (Int) -> EmailDeliveryError?>

    /// A sender that fails attempt number `n` (from 0) when `failure(n)` says so.
    init(failure: @escaping @Sendable (Int) -> EmailDeliveryError? = { _ in nil }) {
        self.failure = Mutex(failure)
    }

    func send(_ message: EmailMessage) throws(EmailDeliveryError) {
        let index = sent.withLock { list in
            list.append(message)
            return list.count - 1
        }
        if let error = failure.withLock({ $0 })(index) { throw error }
    }

    /// Every message given, failed ones included, in order.
    var messages: [EmailMessage] { sent.withLock { $0 } }
}
