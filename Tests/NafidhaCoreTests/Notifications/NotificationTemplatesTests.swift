import Foundation
import NafidhaContract
import Testing

@testable import NafidhaCore

@Suite("Notification templates and rendering")
struct NotificationTemplatesTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("templates/notifications")

    @Test("the binary carries exactly the files of templates/notifications/ (else run scripts/embed-templates)")
    func embeddedTemplatesAreCurrent() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).sorted()
        #expect(names == EmbeddedTemplates.files.keys.sorted(), "run scripts/embed-templates")
        for name in names {
            let text = try String(contentsOf: Self.folder.appendingPathComponent(name), encoding: .utf8)
            #expect(
                text == EmbeddedTemplates.files[name],
                "templates/notifications/\(name) changed: run scripts/embed-templates")
        }
    }

    @Test("every event has its SMS, subject and text in ar, fr and en, and the embedded set loads")
    func everyEventInEveryLanguage() throws {
        let templates = try NotificationTemplates.load(EmbeddedTemplates.files)
        for type in NotificationEventType.allCases {
            let texts = Language.allCases.map { templates.message(type, in: $0).text.pieces }
            #expect(Set(texts.map { "\($0)" }).count == 3, "\(type): a language repeats another's text")
        }
    }

    @Test("a template naming an unknown placeholder, or an SMS not opening with the number and status, is refused")
    func checksTemplates() {
        var files = EmbeddedTemplates.files
        files["request.approved.en.txt"] =
            "[sms]\n{{tracking_number}}: {{status}} {{applicant_name}}\n[subject]\nx\n[text]\ny"
        #expect(throws: TemplateError.self) { try NotificationTemplates.load(files) }
        files["request.approved.en.txt"] = "[sms]\nApproved: {{tracking_number}}\n[subject]\nx\n[text]\ny"
        #expect(throws: TemplateError.self) { try NotificationTemplates.load(files) }
        files["request.approved.en.txt"] = nil
        #expect(throws: TemplateError.self) { try NotificationTemplates.load(files) }
        #expect(throws: TemplateError.self) { try TemplateText("{{unclosed") }
        #expect(throws: TemplateError.self) { try TemplateText("{{Not A Name}}") }
    }

    @Test(
        "the first SMS segment holds the tracking number and the status, in every language, however long the rest",
        arguments: NotificationEventType.allCases)
    func firstSegment(type: NotificationEventType) throws {
        let renderer = NotificationRenderer()
        for language in Language.allCases {
            for status in RequestStatus.allCases {
                let job = NotificationSamples.job(
                    type, language: language, status: status, message: String(repeating: "long text ", count: 100),
                    service: String(repeating: "Service ", count: 30))
                let text = try renderer.sms(job)
                let segments = SMSText.segments(text)
                let label = renderer.templates.label("status." + status.rawValue, in: language)
                #expect(segments.count <= SMSText.maximumSegments)
                #expect(segments[0].hasPrefix("TRP-7KQ4-M2XD") && segments[0].contains(label), "\(type) \(language)")
            }
        }
    }

    @Test("the e-mail speaks the recipient's language; the Arabic HTML is dir=rtl and escapes what people wrote")
    func emails() throws {
        let renderer = NotificationRenderer()
        let english = try renderer.email(NotificationSamples.job(.infoRequested, channel: .email))
        #expect(english.subject == "Request TRP-7KQ4-M2XD: information needed")
        #expect(english.text.contains("Please send a copy of the title deed.") && english.html.contains(#"dir="ltr""#))
        let arabic = try renderer.email(
            NotificationSamples.job(.infoRequested, language: .arabic, channel: .email, message: "<b>أرسل</b> & شكرًا"))
        #expect(arabic.subject == "الطلب TRP-7KQ4-M2XD: مطلوب معلومات")
        #expect(arabic.html.contains(#"<html lang="ar" dir="rtl">"#))
        #expect(arabic.html.contains("&lt;b&gt;أرسل&lt;/b&gt; &amp; شكرًا") && !arabic.html.contains("<b>"))
        #expect(arabic.text.contains("<b>أرسل</b> & شكرًا"))
        let french = try renderer.email(NotificationSamples.job(.approved, language: .french, channel: .email))
        #expect(
            french.subject == "Demande TRP-7KQ4-M2XD approuvée" && french.text.contains("Statut : En cours d'examen"))
    }

    @Test(
        "Arabic texts write numbers in Arabic-Indic digits only for an applicant who typed them so; never the tracking number"
    )
    func digits() throws {
        let renderer = NotificationRenderer()
        let typed = try renderer.sms(NotificationSamples.job(.stageCompleted, language: .arabic, arabicDigits: true))
        #expect(typed.contains("المرحلة ١") && typed.contains("المرحلة ٢") && typed.hasPrefix("TRP-7KQ4-M2XD"))
        let ascii = try renderer.sms(NotificationSamples.job(.stageCompleted, language: .arabic))
        #expect(ascii.contains("المرحلة 1") && ascii.contains("المرحلة 2"))
        let french = try renderer.sms(NotificationSamples.job(.stageCompleted, language: .french, arabicDigits: true))
        #expect(french.contains("L'étape 1"))
        let staff = try renderer.sms(
            NotificationSamples.job(.escalated, language: .arabic, arabicDigits: true, toStaff: true))
        #expect(staff.contains("المهمة 12") && staff.contains("إلى 1"))
    }

    @Test("staff texts show the deadline in the municipality's time zone, named")
    func staffDeadline() throws {
        let text = try NotificationRenderer().sms(NotificationSamples.job(.deadlineApproaching, toStaff: true))
        #expect(text.contains("Task 12 (Civil registry) is due 2026-09-23 02:00 (Africa/Tripoli)"))
    }
}
