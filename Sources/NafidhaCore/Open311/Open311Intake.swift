import Foundation
import NafidhaContract
import Postgres

/// Files a request posted through Open311: checks the client application's key, turns the form parameters into a
/// `Submission` and hands it to `SubmissionService` (channel `open311`), so validation, routing and audit are the
/// JSON API's own. Only public-report services are accepted.
public struct Open311Intake: Sendable {
    /// Longest `description`, in characters (Unicode scalars, as PostgreSQL counts).
    public static let maximumDescriptionLength = 4000
    /// Longest `media_url`.
    public static let maximumMediaURLLength = 2000

    /// Where requests are stored.
    public let pool: PostgresPool
    /// The JSON API's intake, which files the requests.
    let submissions: SubmissionService

    /// Creates the intake over `pool`, filing against `catalog` (shared with the JSON API's intake).
    public init(pool: PostgresPool, catalog: CatalogStore) {
        self.pool = pool
        submissions = SubmissionService(pool: pool, catalog: catalog)
    }

    /// Creates the intake over `pool` with a catalog store of its own, read on first use.
    public init(pool: PostgresPool) {
        self.init(pool: pool, catalog: CatalogStore(pool: pool))
    }

    /// Files the request the form `parameters` describe, with the client's `Idempotency-Key` if any.
    /// - Throws: `NafidhaError`: `invalid_api_key` (403); `unknown_service`, `unknown_jurisdiction` (404);
    ///   `service_not_public`, `invalid_parameters` (400); intake's `validation_failed` with problems named by
    ///   Open311 parameter (`attribute[waste_type]`, `lat`, `phone`), `idempotency_conflict`.
    public func submit(
        parameters: [(name: String, value: String)], idempotencyKey: String?, language: Language,
        at instant: Date = Date()
    ) throws -> Open311Receipt {
        let form = Open311Form(parameters)
        guard let secret = form["api_key"], let key = try APIKeyStore(pool: pool).authenticate(secret) else {
            throw NafidhaError(.invalidAPIKey)
        }
        guard let service = form["service_code"] else {
            throw Self.invalid(["service_code": .required])
        }
        let (fields, municipality) = try submissions.catalog.withConfirmedRefusals { catalog in
            (
                try Self.fields(ofPublicService: service, in: catalog),
                try Self.jurisdiction(form["jurisdiction_id"], in: catalog)
            )
        }
        let draft = Self.draft(form, service: service, municipality: municipality, fields: fields)
        // Problems found here must not file anything: without a location field to make invalid (`draft`), they
        // are all that is reported.
        if !draft.problems.isEmpty && !fields.contains(where: \.isLocation) { throw Self.invalid(draft.problems) }
        let result: SubmissionResult
        do {
            // The application is recorded by the statement that files the request, and only then: a replay never
            // moves a request to another application.
            result = try submissions.submit(
                draft.submission, channel: .open311, idempotencyKey: idempotencyKey,
                application: SubmissionService.Application(apiKeyID: key.id, mediaURL: form["media_url"]),
                language: language, at: instant
            )
        } catch var error as NafidhaError {
            error.fields = Self.renamed(error.fields, fields: fields)
            if error.code == .validationFailed && !draft.problems.isEmpty {
                // Intake refused the location `draft` made invalid, which `renamed` calls `lat`: the problems found
                // here say what is wrong instead, each by its parameter, beside intake's own.
                error.fields["lat"] = nil
                error.fields.merge(draft.problems.mapValues(\.text)) { _, found in found }
            }
            throw error
        }
        // A request awaiting payment has no deadline yet: the notice names its bill instead (docs/payments.md).
        let notice =
            if let dueAt = result.receipt.dueAt {
                LocalizedText(
                    ar: "الموعد المتوقع: \(Open311Dates.format(dueAt))",
                    fr: "Échéance prévue : \(Open311Dates.format(dueAt))",
                    en: "Expected by \(Open311Dates.format(dueAt))")
            } else {
                LocalizedText(
                    ar: "بانتظار دفع الفاتورة \(result.receipt.bill?.number ?? "")",
                    fr: "En attente du paiement de la facture \(result.receipt.bill?.number ?? "")",
                    en: "Waiting for payment of bill \(result.receipt.bill?.number ?? "")")
            }
        return Open311Receipt(
            serviceRequestID: result.receipt.trackingNumber,
            serviceNotice: notice.text(in: language),
            accountID: form["account_id"], replayed: result.replayed
        )
    }

    /// The form of the public-report service `code` as Open311 sees it: its first location field marked.
    /// - Throws: `unknown_service` (404), `service_not_public` (400).
    private static func fields(ofPublicService code: String, in catalog: CatalogSnapshot) throws -> [Open311Field] {
        guard let form = catalog.form(service: code) else {
            throw NafidhaError(.unknownService, message: ErrorCode.Message.unknownService(code: code))
        }
        guard form.publicReport else {
            throw NafidhaError(.serviceNotPublic)
        }
        var locationSeen = false
        // The snapshot keeps the form in order, not the catalog's position numbers: the place in the form stands
        // for them (intake reads codes and datatypes only).
        return form.fields.enumerated().map { index, field in
            let isLocation = field.datatype == .location && !locationSeen
            if isLocation { locationSeen = true }
            return Open311Field(
                position: index + 1, code: field.code, datatype: field.datatype, required: field.required,
                label: field.labels, maxLength: field.maxLength,
                minimum: field.minValue.map { NSDecimalNumber(decimal: $0).doubleValue },
                maximum: field.maxValue.map { NSDecimalNumber(decimal: $0).doubleValue }, isLocation: isLocation,
                choices: field.choices.map { Open311Field.Choice(code: $0.code, label: $0.labels) }
            )
        }
    }

    /// The municipality named by `jurisdiction_id`; when absent, the only municipality if there is exactly one.
    private static func jurisdiction(_ code: String?, in catalog: CatalogSnapshot) throws -> String {
        if let code {
            guard catalog.municipalities[code] != nil else {
                throw NafidhaError(.unknownJurisdiction)
            }
            return code
        }
        guard catalog.municipalities.count == 1, let only = catalog.municipalities.keys.first else {
            throw invalid(["jurisdiction_id": .jurisdictionRequired])
        }
        return only
    }

    /// The intake body for `form`: the location parameters fill the first location field, `attribute[...]` the
    /// others; the reporter's names, phone, email and national id form the applicant. With it, the problems of the
    /// parameters intake cannot name (`lat`, `long`, `address_id`, `description`'s length, `media_url`): when there
    /// are any, the location field holds a value intake always refuses, so that nothing is filed while intake still
    /// reports every other problem at once.
    static func draft(
        _ form: Open311Form, service: String, municipality: String, fields: [Open311Field]
    ) -> (submission: Submission, problems: [String: FieldReason]) {
        var problems: [String: FieldReason] = [:]
        var location: [String: JSONValue] = [:]
        // The place is checked here, with intake's own rules, so that a problem is named by the parameter that
        // has it (`long`, `address_id`) rather than by the one form field they fill together.
        switch (form["lat"], form["long"]) {
        case (let lat?, let long?):
            for (name, text, range) in [("lat", lat, -90.0...90.0), ("long", long, -180.0...180.0)] {
                switch FieldValidator.number(.string(text), minimum: nil, maximum: nil) {
                case .success(let value) where range.contains(value): location[name] = .number(value)
                case .success: problems[name] = name == "lat" ? .latitudeOutOfRange : .longitudeOutOfRange
                case .failure(let refusal): problems[name] = refusal.reason
                }
            }
        case (nil, nil):
            break
        default:
            problems["lat"] = .locationRequired
        }
        if let name = ["address_string", "address_id"].first(where: { form[$0] != nil }), let address = form[name] {
            switch FieldValidator.text(.string(address), limit: FieldValidator.maximumAddressLength, as: .line) {
            case .success(let text): location["address"] = .string(text)
            case .failure(let refusal): problems[name] = refusal.reason
            }
        }
        if location.isEmpty && problems.isEmpty { problems["lat"] = .locationRequired }
        let description = form["description"]
        if let description, description.unicodeScalars.count > maximumDescriptionLength {
            problems["description"] = .tooLong(maximum: maximumDescriptionLength)
        }
        // A URL is printable ASCII (anything else is percent-encoded): it is shown as sent in the public view.
        if let media = form["media_url"],
            media.utf8.count > maximumMediaURLLength || !media.utf8.allSatisfy({ (0x21...0x7E).contains($0) })
                || !(media.lowercased().hasPrefix("https://") || media.lowercased().hasPrefix("http://"))
        {
            problems["media_url"] = .invalidMediaURL(maximumLength: maximumMediaURLLength)
        }
        var values: [String: JSONValue] = [:]
        for field in fields {
            let listed = form.all("attribute[\(field.code)][]")
            let single = form.all("attribute[\(field.code)]")
            if field.isLocation {
                values[field.code] = problems.isEmpty ? .object(location) : .bool(false)
            } else if field.datatype == .multipleChoice {
                let chosen = listed + single
                if !chosen.isEmpty { values[field.code] = .array(chosen.map(JSONValue.string)) }
            } else if listed.isEmpty && single.count == 1 {
                values[field.code] =
                    field.datatype == .location ? .object(["address": .string(single[0])]) : .string(single[0])
            } else if !listed.isEmpty || !single.isEmpty {
                // A list (`attribute[x][]`, or `attribute[x]` repeated) for a one-value field: intake refuses it
                // as the JSON API refuses a list there, instead of one value being silently kept or dropped.
                values[field.code] = .array((listed + single).map(JSONValue.string))
            }
        }
        // Attributes the form does not have go to intake too, which names them as unknown like the JSON API does.
        let known = Set(fields.map(\.code))
        for code in form.attributeCodes where !known.contains(code) {
            values[code] = .string(
                form["attribute[\(code)]"] ?? form.all("attribute[\(code)][]").joined(separator: ","))
        }
        let name = [form["first_name"], form["last_name"]].compactMap { $0 }.joined(separator: " ")
        let submission = Submission(
            service: service, municipality: municipality,
            applicant: .init(name: name, nationalID: form["national_id"], phone: form["phone"], email: form["email"]),
            fields: values, description: description
        )
        return (submission, problems)
    }

    /// Intake names problems by its JSON paths; an Open311 client knows its own parameter names.
    static func renamed(_ problems: [String: LocalizedText], fields: [Open311Field]) -> [String: LocalizedText] {
        let location = fields.first(where: \.isLocation)?.code
        var renamed: [String: LocalizedText] = [:]
        for (path, reason) in problems {
            let name: String
            switch path {
            case "applicant.name": name = "first_name"
            case "applicant.national_id": name = "national_id"
            case "applicant.phone": name = "phone"
            case "applicant.email": name = "email"
            case "municipality": name = "jurisdiction_id"
            case "service": name = "service_code"
            case _ where path.hasPrefix("fields."):
                let code = String(path.dropFirst("fields.".count))
                name = code == location ? "lat" : "attribute[\(code)]"
            default: name = path
            }
            renamed[name] = reason
        }
        return renamed
    }

    private static func invalid(_ problems: [String: FieldReason]) -> NafidhaError {
        NafidhaError(.invalidParameters, fields: problems)
    }
}
