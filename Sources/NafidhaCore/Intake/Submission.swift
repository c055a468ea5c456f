import NafidhaContract

/// What a citizen files, as the JSON body of `POST /v1/requests`: `{"service", "municipality", "applicant":
/// {"name", "national_id", "phone", "email"}, "fields": {...}, "description"}`.
///
/// It keeps the body as parsed JSON, unchecked: `SubmissionService` validates it against the catalog and reports
/// every problem at once, including members of the wrong type, which a typed decoding would stop at.
public struct Submission: Sendable, Hashable {
    /// The body as received.
    public var body: JSONValue

    /// Wraps a parsed body.
    public init(body: JSONValue) {
        self.body = body
    }

    /// Builds a body from typed parts (for channels other than the JSON API).
    public init(
        service: String, municipality: String, applicant: Applicant, fields: [String: JSONValue],
        description: String? = nil
    ) {
        var object: [String: JSONValue] = [
            "service": .string(service), "municipality": .string(municipality),
            "applicant": applicant.json, "fields": .object(fields),
        ]
        if let description { object["description"] = .string(description) }
        body = .object(object)
    }

    /// The applicant's identity and contacts.
    public struct Applicant: Sendable, Hashable {
        /// Full name, 1–200 characters; empty means not given (allowed for public reports only).
        public var name: String
        /// National id per the country's rule.
        public var nationalID: String?
        /// Phone in any accepted form; stored in E.164.
        public var phone: String?
        /// Email address, optional.
        public var email: String?

        /// Creates an applicant.
        public init(name: String, nationalID: String? = nil, phone: String? = nil, email: String? = nil) {
            self.name = name
            self.nationalID = nationalID
            self.phone = phone
            self.email = email
        }

        var json: JSONValue {
            var object: [String: JSONValue] = [:]
            if !name.isEmpty { object["name"] = .string(name) }
            if let nationalID { object["national_id"] = .string(nationalID) }
            if let phone { object["phone"] = .string(phone) }
            if let email { object["email"] = .string(email) }
            return .object(object)
        }
    }

    /// SHA-256 of the body's canonical JSON text: equal bodies (whatever their spacing or member order) hash alike.
    var bodyHash: [UInt8] {
        SHA256.hash(body.canonicalText)
    }
}
