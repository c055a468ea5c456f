import Foundation
import NafidhaContract

/// Checks a submission body against the catalog and collects every problem, keyed by its path
/// (`service`, `applicant.phone`, `fields.floors`).
struct SubmissionValidator {
    /// A submission that passed: every value normalised for storage.
    struct Valid: Sendable {
        var service: String
        var municipality: String
        var name: String
        var nationalID: String?
        var phone: String?
        var email: String?
        var fields: [String: JSONValue]
        var description: String
        /// The language the citizen chose for notifications; nil: the caller's default (`Accept-Language`).
        var language: Language?
        /// Text messages to `phone`.
        var notifySMS: Bool
        /// E-mails to `email`.
        var notifyEmail: Bool
        /// Whether the applicant typed Arabic-Indic digits (in the phone or national id): Arabic texts then write
        /// numbers so (docs/notifications.md, "Digits").
        var arabicDigits: Bool
    }

    /// Problems listed in one answer at most; a body cannot make the error response grow without bound.
    static let maximumReportedProblems = 100
    /// Characters the applicant's name may hold.
    static let maximumNameLength = 200
    /// Characters the description may hold.
    static let maximumDescriptionLength = 4000
    /// The name stored for a public report filed without one (Open311 allows anonymous reports).
    static let anonymousApplicant = "(anonymous)"
    /// Characters of an unknown member's name echoed back in a problem path.
    static let maximumEchoedNameLength = 64

    private(set) var problems: [String: FieldReason] = [:]

    /// The service and municipality codes, when they are strings (the catalog lookups need them first).
    static func codes(of body: JSONValue) -> (service: String?, municipality: String?) {
        guard case .object(let members) = body else { return (nil, nil) }
        var codes: (service: String?, municipality: String?) = (nil, nil)
        if case .string(let service)? = members["service"] { codes.service = service }
        if case .string(let municipality)? = members["municipality"] { codes.municipality = municipality }
        return codes
    }

    /// The member `name` of `body` when it is an object.
    static func member(_ name: String, of body: JSONValue) -> JSONValue? {
        guard case .object(let members) = body else { return nil }
        return members[name]
    }

    /// Validates `body`. `rules` is nil for an unknown municipality, `form` nil for an unknown service, and
    /// `offered` false when the service is not offered in the municipality at the instant. `identityRequired` is
    /// false for public reports (a broken street light): national id and phone are then optional, still checked
    /// when given.
    mutating func validate(
        _ body: JSONValue, rules: CountryRules?, form: [FormField]?, offered: Bool, identityRequired: Bool = true,
        at instant: Date
    ) -> Valid? {
        guard case .object(let members) = body else {
            report("body", .mustBeObject)
            return nil
        }
        for key in members.keys.sorted()
        where ![
            "service", "municipality", "applicant", "fields", "description", "language", "notify", "documents",
        ].contains(key) {
            report(Self.echoed(key), .unknownMember)
        }
        let service = code(
            members["service"], path: "service", known: form != nil, unknown: .unknownService)
        let municipality = code(
            members["municipality"], path: "municipality", known: rules != nil,
            unknown: .unknownMunicipality
        )
        if service != nil, municipality != nil, !offered {
            report("service", .serviceNotOffered)
        }
        let applicant = validateApplicant(
            members["applicant"], rules: rules, identityRequired: identityRequired, at: instant)
        let fields = validateFields(members["fields"], form: form, rules: rules, at: instant)
        var description = ""
        if let value = members["description"], value != .null {
            switch FieldValidator.text(value, limit: Self.maximumDescriptionLength, as: .text) {
            case .success(let text): description = text
            case .failure(let reason) where reason.reason == .required: description = ""
            case .failure(let reason): report("description", reason.reason)
            }
        }
        let language = validateLanguage(members["language"])
        let notify = validateNotify(members["notify"], applicant: members["applicant"])
        guard problems.isEmpty, let service, let municipality, let applicant, let fields, let notify else {
            return nil
        }
        return Valid(
            service: service, municipality: municipality, name: applicant.name, nationalID: applicant.nationalID,
            phone: applicant.phone, email: applicant.email, fields: fields, description: description,
            language: language, notifySMS: notify.sms && applicant.phone != nil,
            notifyEmail: notify.email && applicant.email != nil,
            arabicDigits: Self.typedArabicDigits(members["applicant"])
        )
    }

    /// `language`: absent, or one of `ar`, `fr`, `en`.
    private mutating func validateLanguage(_ value: JSONValue?) -> Language? {
        switch value {
        case nil, .null?:
            return nil
        case .string(let code)?:
            if let language = Language(rawValue: code) { return language }
            report("language", .oneOf(Language.allCases.map(\.rawValue)))
        default:
            report("language", .mustBeString)
        }
        return nil
    }

    /// `notify`: absent, or an object of booleans `sms` and `email`. A channel left out defaults to on when its
    /// contact is given; a channel asked for without its contact is refused (the contact's problem, if any, is
    /// reported at the contact).
    private mutating func validateNotify(_ value: JSONValue?, applicant: JSONValue?) -> (sms: Bool, email: Bool)? {
        var given: [String: JSONValue] = [:]
        switch value {
        case nil, .null?: break
        case .object(let members)?: given = members
        default:
            report("notify", .mustBeObject)
            return nil
        }
        for key in given.keys.sorted() where !["sms", "email"].contains(key) {
            report("notify." + Self.echoed(key), .unknownMember)
        }
        var contacts: [String: JSONValue] = [:]
        if case .object(let members)? = applicant { contacts = members }
        var choice = (sms: true, email: true)
        for (channel, contact) in [("sms", "phone"), ("email", "email")] {
            let hasContact = contacts[contact].map { $0 != .null } ?? false
            var wanted = hasContact
            switch given[channel] {
            case nil, .null?: break
            case .bool(let on)?:
                wanted = on
                if on && !hasContact { report("notify." + channel, .channelNeedsContact("applicant." + contact)) }
            default:
                report("notify." + channel, .mustBeBoolean)
            }
            if channel == "sms" { choice.sms = wanted } else { choice.email = wanted }
        }
        return choice
    }

    /// Whether the phone or national id the applicant typed holds an Arabic-Indic or Eastern Arabic-Indic digit.
    private static func typedArabicDigits(_ applicant: JSONValue?) -> Bool {
        guard case .object(let members)? = applicant else { return false }
        return ["phone", "national_id"].contains { key in
            guard case .string(let text)? = members[key] else { return false }
            return text.unicodeScalars.contains {
                (0x0660...0x0669).contains($0.value) || (0x06F0...0x06F9).contains($0.value)
            }
        }
    }

    private mutating func code(_ value: JSONValue?, path: String, known: Bool, unknown: FieldReason) -> String? {
        switch value {
        case nil, .null?:
            report(path, .required)
        case .string(let code)?:
            if known { return code }
            report(path, unknown)
        default:
            report(path, .mustBeString)
        }
        return nil
    }

    private mutating func validateApplicant(
        _ value: JSONValue?, rules: CountryRules?, identityRequired: Bool, at instant: Date
    ) -> (name: String, nationalID: String?, phone: String?, email: String?)? {
        guard let value, value != .null else {
            report("applicant", .required)
            return nil
        }
        guard case .object(let members) = value else {
            report("applicant", .mustBeObject)
            return nil
        }
        for key in members.keys.sorted() where !["name", "national_id", "phone", "email"].contains(key) {
            report("applicant." + Self.echoed(key), .unknownMember)
        }
        var name: String?
        if let given = members["name"], given != .null {
            switch FieldValidator.text(given, limit: Self.maximumNameLength, as: .name) {
            case .success(let text): name = text
            case .failure(let reason): report("applicant.name", reason.reason)
            }
        } else if identityRequired {
            report("applicant.name", .required)
        } else {
            name = Self.anonymousApplicant
        }
        var email: String?
        if let given = members["email"], given != .null {
            switch FieldValidator.email(given) {
            case .success(let text): email = text
            case .failure(let reason): report("applicant.email", reason.reason)
            }
        }
        let problemsBefore = problems.count
        let nationalID = countryValue(
            members["national_id"], path: "applicant.national_id", rules: rules, required: identityRequired
        ) { $0.nationalID($1, at: instant) }
        let phone = countryValue(members["phone"], path: "applicant.phone", rules: rules, required: identityRequired) {
            $0.phone($1)
        }
        guard let name, problems.count == problemsBefore else { return nil }
        return (name, nationalID, phone, email)
    }

    /// A string checked by a country rule, reported missing when `required`; without rules (unknown
    /// municipality) only its type is checked.
    private mutating func countryValue(
        _ value: JSONValue?, path: String, rules: CountryRules?, required: Bool,
        check: (CountryRules, String) -> Result<String, Refusal>
    ) -> String? {
        switch value {
        case nil, .null?:
            if required { report(path, .required) }
        case .string(let text)?:
            guard let rules else { return nil }
            switch check(rules, text) {
            case .success(let normalized): return normalized
            case .failure(let reason): report(path, reason.reason)
            }
        default:
            report(path, .mustBeString)
        }
        return nil
    }

    private mutating func validateFields(
        _ value: JSONValue?, form: [FormField]?, rules: CountryRules?, at instant: Date
    ) -> [String: JSONValue]? {
        var members: [String: JSONValue] = [:]
        switch value {
        case nil, .null?: break
        case .object(let given)?: members = given
        default:
            report("fields", .mustBeObject)
            return nil
        }
        // Without the form (unknown service) or the country rules the values cannot be judged; the service or
        // municipality problem is already reported.
        guard let form else { return nil }
        let known = Set(form.map(\.code))
        for key in members.keys.sorted() where !known.contains(key) {
            report("fields." + Self.echoed(key), .unknownMember)
        }
        guard let rules else { return nil }
        let validator = FieldValidator(rules: rules, instant: instant)
        var stored: [String: JSONValue] = [:]
        for field in form {
            let path = "fields." + field.code
            guard let given = members[field.code], given != .null, given != .string(""), given != .array([]) else {
                if field.required { report(path, .required) }
                continue
            }
            switch validator.validate(given, as: field) {
            case .success(let normalized): stored[field.code] = normalized
            case .failure(let reason): report(path, reason.reason)
            }
        }
        return stored
    }

    private mutating func report(_ path: String, _ reason: FieldReason) {
        guard problems[path] == nil else { return }
        if problems.count < Self.maximumReportedProblems {
            problems[path] = reason
        } else {
            problems["_truncated"] = .tooManyProblems
        }
    }

    private static func echoed(_ name: String) -> String {
        String(
            name.unicodeScalars.prefix(maximumEchoedNameLength).filter { $0.properties.generalCategory != .control }
                .map(Character.init))
    }
}
