import Foundation
import NafidhaContract

@testable import NafidhaCore

/// Claimed notifications made by hand, for rendering and channel tests.
enum NotificationSamples {
    /// A job of `type` for the citizen (or staff), in `language`.
    static func job(
        _ type: NotificationEventType, language: Language = .english, channel: NotificationChannel = .sms,
        status: RequestStatus = .inReview, message: String? = "Please send a copy of the title deed.",
        arabicDigits: Bool = false, toStaff: Bool = false, service: String = "Residence certificate"
    ) -> DeliveryJob {
        DeliveryJob(
            id: 7, messageID: UUID(uuidString: "6F9619FF-8B86-D011-B42D-00C04FC964FF")!, channel: channel,
            recipient: channel == .email ? "amal@example.ly" : "+218912345678", toStaff: toStaff, language: language,
            attempt: 1, giveUpAt: Date().addingTimeInterval(3600),
            event: Events.Event(
                id: 41, type: type, timestamp: Date(timeIntervalSince1970: 1_789_977_600),
                data: Events.EventData(
                    eventID: 41, trackingNumber: "TRP-7KQ4-M2XD", municipality: "TRP", service: "residence_certificate",
                    status: status, stage: 1, nextStage: 2,
                    task: Events.Task(
                        id: 12, stage: 1, step: 1, sector: "civil_registry", office: "TRP-CIVIL_REGISTRY",
                        dueAt: Date(timeIntervalSince1970: 1_790_121_600), priority: 1))),
            arabicDigits: arabicDigits,
            names: DeliveryJob.Names(
                service: LocalizedText(ar: "شهادة إقامة", fr: "Certificat de résidence", en: service),
                municipality: LocalizedText(ar: "طرابلس المركز", fr: "Tripoli-Centre", en: "Tripoli Centre"),
                sector: LocalizedText(ar: "السجل المدني", fr: "État civil", en: "Civil registry")),
            timeZone: "Africa/Tripoli", messageText: message, applicant: nil, webhook: nil)
    }
}
