import NafidhaContract

extension NotificationTemplates {
    /// The placeholders of a sign-in code's SMS: the code and its lifetime in minutes.
    static let signInCodeVariables: Set<String> = ["code", "minutes"]

    /// The sign-in code's SMS in every language, from `citizen.sign_in_code.<language>.txt`: one `[sms]` section
    /// using exactly `{{code}}` and `{{minutes}}` (it reports no request, so it has no tracking number).
    static func loadSignInCodes(_ files: [String: String]) throws(TemplateError) -> [Language: TemplateText] {
        var templates: [Language: TemplateText] = [:]
        for language in Language.allCases {
            let name = "citizen.sign_in_code.\(language.rawValue).txt"
            guard let text = files[name] else { throw TemplateError("\(name) is missing") }
            let sections = try TemplateSections.parse(text, file: name)
            guard let source = sections["sms"], !source.isEmpty, sections.count == 1 else {
                throw TemplateError("\(name) must have one section, [sms]")
            }
            let template = try TemplateText(source)
            guard template.placeholders == signInCodeVariables else {
                throw TemplateError("\(name) [sms] must use exactly \(signInCodeVariables.sorted())")
            }
            templates[language] = template
        }
        return templates
    }
}
