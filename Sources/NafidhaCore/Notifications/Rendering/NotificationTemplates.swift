import Foundation
import NafidhaContract

/// The notification texts of templates/notifications/, parsed and checked once: for every event type and language
/// an SMS, an e-mail subject and an e-mail text; per language the status labels and the e-mail footer; and the
/// e-mail's HTML layout (docs/notifications.md, "Templates").
struct NotificationTemplates: Sendable {
    /// One event's texts in one language.
    struct Message: Sendable {
        /// The SMS; it starts with the tracking number and the status, so the first segment holds them.
        var sms: TemplateText
        /// The e-mail's subject, one line.
        var subject: TemplateText
        /// The e-mail's plain text; blank lines separate paragraphs.
        var text: TemplateText
    }

    private let messages: [String: Message]
    private let labels: [Language: [String: String]]
    /// The e-mail's HTML document, around the paragraphs of the text.
    let layout: TemplateText
    /// The SMS of a citizen's sign-in code, per language (`citizen.sign_in_code.<language>.txt`).
    private let signInCodes: [Language: TemplateText]

    /// The SMS of a sign-in code in `language`.
    func signInCode(in language: Language) -> TemplateText {
        // `load` checked that every language has it.
        signInCodes[language]!
    }

    /// The texts of `type` in `language`.
    func message(_ type: NotificationEventType, in language: Language) -> Message {
        // `load` checked that every event has its texts in every language.
        messages[Self.key(type, language)]!
    }

    /// The label `name` (`status.approved`, `email.footer`) in `language`.
    func label(_ name: String, in language: Language) -> String {
        labels[language]?[name] ?? name
    }

    /// The templates this binary carries. They are checked by `load` when first used; the tests load them too, so
    /// a broken template fails the build's tests, not a server.
    static let embedded: NotificationTemplates = {
        do {
            return try load(EmbeddedTemplates.files)
        } catch {
            preconditionFailure("the embedded notification templates are invalid: \(error)")
        }
    }()

    /// The placeholders every event's texts may use.
    static let commonVariables: Set<String> = ["tracking_number", "status", "service", "municipality"]

    /// The placeholders `type`'s texts may use.
    static func variables(of type: NotificationEventType) -> Set<String> {
        switch type {
        case .infoRequested, .rejected, .noteAdded: commonVariables.union(["message"])
        case .stageCompleted: commonVariables.union(["stage", "next_stage"])
        case .deadlineApproaching: commonVariables.union(["task_id", "sector", "due_at"])
        case .escalated: commonVariables.union(["task_id", "sector", "due_at", "priority"])
        case .submitted, .replyReceived, .approved, .cancelled: commonVariables
        }
    }

    /// The labels every language defines.
    static let labelNames: [String] = RequestStatus.allCases.map { "status." + $0.rawValue } + ["email.footer"]

    /// Parses and checks `files` (name → text, as in templates/notifications/): every event in every language with
    /// its three sections, each using only its event's placeholders, the SMS starting with the tracking number and
    /// the status; every label in every language; the layout.
    static func load(_ files: [String: String]) throws(TemplateError) -> NotificationTemplates {
        var messages: [String: Message] = [:]
        for type in NotificationEventType.allCases {
            for language in Language.allCases {
                let name = key(type, language) + ".txt"
                guard let text = files[name] else { throw TemplateError("\(name) is missing") }
                let sections = try TemplateSections.parse(text, file: name)
                func section(_ section: String) throws(TemplateError) -> TemplateText {
                    guard let source = sections[section], !source.isEmpty else {
                        throw TemplateError("\(name): section [\(section)] is missing or empty")
                    }
                    let template = try TemplateText(source)
                    let unknown = template.placeholders.subtracting(variables(of: type))
                    guard unknown.isEmpty else {
                        throw TemplateError("\(name) [\(section)]: unknown placeholders \(unknown.sorted())")
                    }
                    return template
                }
                let message = Message(
                    sms: try section("sms"), subject: try section("subject"), text: try section("text"))
                guard Self.startsWithTrackingAndStatus(message.sms) else {
                    throw TemplateError("\(name) [sms] must start with {{tracking_number}}, a colon and {{status}}")
                }
                guard !source(of: message.subject).contains("\n")
                else {
                    throw TemplateError("\(name) [subject] must be one line")
                }
                messages[key(type, language)] = message
            }
        }
        var labels: [Language: [String: String]] = [:]
        for language in Language.allCases {
            let name = "labels.\(language.rawValue).txt"
            guard let text = files[name] else { throw TemplateError("\(name) is missing") }
            let sections = try TemplateSections.parse(text, file: name)
            for label in labelNames where (sections[label] ?? "").isEmpty {
                throw TemplateError("\(name): [\(label)] is missing or empty")
            }
            labels[language] = sections
        }
        guard let layoutText = files["layout.html"] else { throw TemplateError("layout.html is missing") }
        let layout = try TemplateText(layoutText)
        let layoutVariables: Set<String> = ["lang", "dir", "align", "subject", "body", "footer"]
        guard layout.placeholders == layoutVariables else {
            throw TemplateError("layout.html must use exactly \(layoutVariables.sorted())")
        }
        return NotificationTemplates(
            messages: messages, labels: labels, layout: layout, signInCodes: try loadSignInCodes(files))
    }

    /// Whether the SMS opens with `{{tracking_number}}`, a colon (spaced as the language writes it) and `{{status}}`.
    private static func startsWithTrackingAndStatus(_ sms: TemplateText) -> Bool {
        guard sms.pieces.count >= 3, sms.pieces[0] == .placeholder("tracking_number"),
            case .literal(let colon) = sms.pieces[1], colon.trimmingCharacters(in: .whitespaces) == ":",
            sms.pieces[2] == .placeholder("status")
        else { return false }
        return true
    }

    /// The literal text of a template, placeholders left out.
    private static func source(of template: TemplateText) -> String {
        template.pieces.map {
            guard case .literal(let text) = $0 else { return "" }
            return text
        }.joined()
    }

    private static func key(_ type: NotificationEventType, _ language: Language) -> String {
        "\(type.rawValue).\(language.rawValue)"
    }
}
