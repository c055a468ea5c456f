import ArgumentParsing
import NafidhaContract
import NafidhaCore

/// `nafidha admin set-contact NAME [--email ADDRESS] [--phone NUMBER] [--language ar|fr|en]`: where a staff member
/// hears of escalations and approaching deadlines.
struct SetContactCommand: RunnableCommand {
    static let staff = Positional<String>("staff", help: "The staff member's name.")
    static let email = Option<String>("email", valueName: "address", help: "E-mail address; an empty value removes it.")
    static let phone = Option<String>(
        "phone", valueName: "number", help: "Phone in E.164 (+218912345678); an empty value removes it.")
    static let language = Option<String>("language", valueName: "code", help: "ar, fr or en: the messages' language.")

    static let configuration = CommandConfiguration(
        name: "set-contact",
        abstract: "Sets where a staff member hears of escalations and approaching deadlines.",
        discussion: """
            Supervisors hear of their municipality's escalated tasks, and of approaching deadlines of tasks nobody \
            holds; a clerk hears of approaching deadlines of the tasks they hold (docs/notifications.md). Options \
            left out keep their value.
            """,
        arguments: [staff.definition, email.definition, phone.definition, language.definition] + AdminDatabase.arguments
    )

    let staffName: String
    let email: String?
    let phone: String?
    let language: Language?
    let database: DatabaseOptions

    init(parsing arguments: ParsedArguments) throws(UsageError) {
        guard let name = try arguments.value(of: Self.staff) else { throw UsageError.required(Self.staff.definition) }
        staffName = name
        email = try arguments.value(of: Self.email)
        phone = try arguments.value(of: Self.phone)
        if let code = try arguments.value(of: Self.language) {
            guard let language = Language(rawValue: code) else {
                throw UsageError.invalidValue(
                    for: Self.language.definition, value: code, reason: "expected ar, fr or en")
            }
            self.language = language
        } else {
            language = nil
        }
        database = try DatabaseOptions(parsing: arguments)
    }

    func run(context: CommandContext) throws -> Int32 {
        let contact = try NotificationAdmin.withServices(database, context: context) {
            try $0.staffContacts.set(name: staffName, email: email, phone: phone, language: language)
        }
        context.standardOutput.writeLine(
            "\(contact.name): e-mail \(contact.email ?? "none"), phone \(contact.phone ?? "none"), "
                + "language \(contact.language.rawValue).")
        return 0
    }
}
