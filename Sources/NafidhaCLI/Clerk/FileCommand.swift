import ArgumentParsing
import Foundation
import NafidhaContract
import NafidhaCore

/// `nafidha file SERVICE --municipality CODE --field NAME=VALUE ... --applicant-name ... --national-id ... --phone
/// ... [--document TYPE=PATH ...] [--print] [--html FILE]`: a clerk files a request for a citizen at the counter (docs/counter.md) and gives
/// them the tracking number and the access token, on a printed receipt if asked.
struct FileCommand: RunnableCommand {
    static let service = Positional<String>("service", help: "The service's code, as 'GET /v1/services' lists it.")
    static let municipality = Option<String>(
        "municipality", valueName: "code", help: "The municipality the request is filed in (one of yours).")
    static let field = Option<String>(
        "field", valueName: "name=value", repeatable: true,
        help: "A form field (repeatable). A value starting with [ or { is read as JSON (choices, a location).")
    static let applicantName = Option<String>("applicant-name", valueName: "text", help: "The citizen's full name.")
    static let nationalID = Option<String>("national-id", valueName: "id", help: "The citizen's national id.")
    static let phone = Option<String>("phone", valueName: "number", help: "The citizen's phone number.")
    static let email = Option<String>("email", valueName: "address", help: "The citizen's e-mail address.")
    static let description = Option<String>("description", valueName: "text", help: "What the citizen adds.")
    static let document = Option<String>(
        "document", valueName: "type=path", repeatable: true,
        help: "A supporting document (repeatable): its catalog code and a PDF, PNG, JPEG or WebP file, uploaded first.")
    static let printReceipt = Flag("print", help: "Print the citizen's receipt (Arabic first) on standard output.")
    static let html = Option<String>(
        "html", valueName: "file", help: "Write the citizen's receipt as an HTML page to FILE (mode 0600).")
    static let json = Flag("json", help: "Print the server's receipt as JSON.")

    static let configuration = CommandConfiguration(
        name: "file",
        abstract: "Files a request for a citizen at the counter and prints its tracking number and access token.",
        discussion: """
            The request is filed in the channel 'counter' and recorded in the audit trail as filed by you for the \
            citizen. The access token is shown once: give it to the citizen (--print, --html), who needs it to \
            follow the request.
            """,
        arguments: [
            service.definition, municipality.definition, field.definition, applicantName.definition,
            nationalID.definition, phone.definition, email.definition, description.definition, document.definition,
            printReceipt.definition, html.definition, json.definition,
        ]
    )

    let submission: Intake.Submission
    let documents: [DocumentAttachment]
    let printsReceipt: Bool
    let htmlPath: String?
    let json: Bool

    init(parsing arguments: ParsedArguments) throws(UsageError) {
        guard let service = try arguments.value(of: Self.service) else {
            throw UsageError.required(Self.service.definition)
        }
        func required(_ option: Option<String>) throws(UsageError) -> String {
            guard let value = try arguments.value(of: option), !value.trimmingCharacters(in: .whitespaces).isEmpty
            else { throw UsageError.required(option.definition) }
            return value
        }
        var fields: [String: JSONValue] = [:]
        for word in try arguments.values(of: Self.field) {
            let (name, value) = try Self.field(word)
            guard fields[name] == nil else {
                throw UsageError.invalidValue(
                    for: Self.field.definition, value: word, reason: "the field \(name) is given twice")
            }
            fields[name] = value
        }
        submission = Intake.Submission(
            service: service, municipality: try required(Self.municipality),
            applicant: Intake.Applicant(
                name: try required(Self.applicantName), nationalID: try required(Self.nationalID),
                phone: try required(Self.phone), email: try arguments.value(of: Self.email)),
            fields: fields, description: try arguments.value(of: Self.description))
        var documents: [DocumentAttachment] = []
        for word in try arguments.values(of: Self.document) {
            do {
                documents.append(try DocumentAttachment(word))
            } catch {
                throw UsageError.invalidValue(for: Self.document.definition, value: word, reason: error.reason)
            }
        }
        self.documents = documents
        printsReceipt = arguments.isSet(Self.printReceipt)
        htmlPath = try arguments.value(of: Self.html)
        json = arguments.isSet(Self.json)
        if json && printsReceipt {
            throw UsageError.conflict(Self.json.definition, Self.printReceipt.definition)
        }
    }

    /// `NAME=VALUE`: the value as a JSON string, or as JSON when it starts with `[` or `{`.
    static func field(_ word: String) throws(UsageError) -> (String, JSONValue) {
        guard let equals = word.firstIndex(of: "="), equals != word.startIndex else {
            throw UsageError.invalidValue(for: field.definition, value: word, reason: "expected NAME=VALUE")
        }
        let name = String(word[..<equals])
        let text = String(word[word.index(after: equals)...])
        guard text.hasPrefix("[") || text.hasPrefix("{") else { return (name, .string(text)) }
        guard let value = try? ContractJSON.decoder().decode(JSONValue.self, from: Data(text.utf8)) else {
            throw UsageError.invalidValue(for: field.definition, value: word, reason: "the value is not valid JSON")
        }
        return (name, value)
    }

    func run(context: CommandContext) throws -> Int32 {
        var filed: Intake.Receipt?
        let status = ClerkCommandRunner.run(context: context) { client throws(ClientFailure) in
            var submission = submission
            if !documents.isEmpty {
                var references: [Documents.Reference] = []
                for document in documents {
                    references.append(try document.upload(with: client, from: context.currentDirectory))
                }
                submission.documents = references
            }
            filed = try client.send(Routes.counterSubmit.target(), body: submission)
        }
        guard status == 0, let receipt = filed else { return status }
        let printable = CounterReceipt(receipt: receipt, language: ClerkCommandRunner.language(context))
        if json {
            context.standardOutput.writeLine(ClerkCommandRunner.jsonText(receipt))
        } else if printsReceipt {
            context.standardOutput.write(printable.text)
        } else {
            context.standardOutput.writeLine(
                "Filed \(receipt.trackingNumber) (\(receipt.service), \(receipt.municipality)).")
            context.standardOutput.writeLine("Tracking number: \(receipt.trackingNumber)")
            context.standardOutput.writeLine("Access token:    \(receipt.accessToken)")
            if let bill = receipt.bill {
                context.standardOutput.writeLine(
                    "Bill:            \(bill.number), \(bill.money.amount) \(bill.money.currency), to pay before "
                        + ISO8601DateFormatter().string(from: bill.dueAt))
            } else if let amount = receipt.amount, receipt.amountMinor != 0 {
                context.standardOutput.writeLine("Fee:             \(amount) \(receipt.currency)")
            }
        }
        if let htmlPath {
            let path = InstantArgument.absolutePath(htmlPath, in: context.currentDirectory)
            let file = try PrivateFile(path: path)
            try file.write(Array(printable.html.utf8))
            try file.seal()
            try file.publish()
        }
        return 0
    }
}
