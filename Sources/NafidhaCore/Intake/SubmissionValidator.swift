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
        where !["service", "municipality", "applicant", "fields", "description"].contains(key) {
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
        guard problems.isEmpty, let service, let municipality, let applicant, let fields else { return nil }
        return Valid(
            service: service, municipality: municipality, name: applicant.name, nationalID: applicant.nationalID,
            phone: applicant.phone, email: applicant.email, fields: fields, description: description
        )
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
