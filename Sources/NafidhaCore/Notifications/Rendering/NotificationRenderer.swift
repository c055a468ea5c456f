import Foundation
import NafidhaContract

/// Renders a claimed notification into what its channel sends: the SMS text, or the e-mail's subject, plain text
/// and HTML, from the templates in the recipient's language (docs/notifications.md, "Templates").
struct NotificationRenderer: Sendable {
    /// An e-mail's three renderings.
    struct Email: Sendable, Equatable {
        /// The subject, one line.
        var subject: String
        /// The plain-text part.
        var text: String
        /// The HTML part: a whole document, `dir="rtl"` in Arabic.
        var html: String
    }

    /// The templates used.
    var templates: NotificationTemplates = .embedded

    /// The SMS text, within `SMSText.maximumSegments` parts, its first part holding the tracking number and status.
    func sms(_ job: DeliveryJob) throws(TemplateError) -> String {
        if let text = job.text { return text }
        let event = try Self.event(of: job)
        let message = templates.message(event.type, in: job.language)
        let text = try message.sms.render(values(job, event)).replacingOccurrences(of: "\r", with: "")
        return SMSText.fit(text)
    }

    /// The e-mail's subject, text and HTML.
    func email(_ job: DeliveryJob) throws(TemplateError) -> Email {
        let event = try Self.event(of: job)
        let message = templates.message(event.type, in: job.language)
        let values = values(job, event)
        let subject = try message.subject.render(values)
            .replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ")
        let footer = templates.label("email.footer", in: job.language)
        let text = try message.text.render(values)
        let rightToLeft = job.language == .arabic
        let html = try templates.layout.render(
            [
                "lang": job.language.rawValue, "dir": rightToLeft ? "rtl" : "ltr",
                "align": rightToLeft ? "right" : "left",
                "subject": HTMLText.escape(subject), "body": HTMLText.paragraphs(text),
                "footer": HTMLText.escape(footer),
            ])
        return Email(subject: subject, text: text + "\n\n-- \n" + footer + "\n", html: html)
    }

    /// The event a job renders; a job written with its text has none to render otherwise.
    private static func event(of job: DeliveryJob) throws(TemplateError) -> Events.Event {
        guard let event = job.event else { throw TemplateError("notification \(job.id) has neither event nor text") }
        return event
    }

    /// The placeholders' values for `job` reporting `event`, numbers written as its reader reads them.
    func values(_ job: DeliveryJob, _ event: Events.Event) -> [String: String] {
        let language = job.language
        let data = event.data
        // The applicant's digits are the citizen's choice; staff read ASCII digits.
        let arabicIndic = language == .arabic && job.arabicDigits && !job.toStaff
        func number(_ value: Int) -> String {
            arabicIndic ? LocalizedDigits.arabicIndic(String(value)) : String(value)
        }
        var values = [
            "tracking_number": data.trackingNumber,
            "status": templates.label("status." + data.status.rawValue, in: language),
            "service": job.names.service.text(in: language),
            "municipality": job.names.municipality.text(in: language),
            "message": Self.oneParagraph(job.messageText ?? ""),
        ]
        if let stage = data.stage { values["stage"] = number(stage) }
        if let next = data.nextStage { values["next_stage"] = number(next) }
        if let task = data.task {
            values["task_id"] = String(task.id)
            values["sector"] = job.names.sector?.text(in: language) ?? task.sector
            values["due_at"] = task.dueAt.map { Self.localTime($0, zone: job.timeZone) } ?? "-"
            values["priority"] = task.priority.map(number) ?? "-"
        }
        return values
    }

    /// A citizen's or clerk's text on one line: line breaks become spaces, so an SMS or the paragraph around it
    /// keeps its shape.
    static func oneParagraph(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// `2026-11-26 00:00 (Africa/Tripoli)`: the instant in the municipality's zone, with the zone named.
    static func localTime(_ instant: Date, zone: String) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.calendar = Calendar(identifier: .gregorian)
        formatter.timeZone = TimeZone(identifier: zone) ?? .gmt
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: instant) + " (\(formatter.timeZone.identifier))"
    }
}
