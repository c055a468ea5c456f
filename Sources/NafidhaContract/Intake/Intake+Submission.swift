extension Intake {
    /// The body of `POST /v1/requests`: one request for one service in one municipality.
    public struct Submission: Codable, Sendable, Equatable {
        /// The service's code.
        public var service: String
        /// The municipality's code.
        public var municipality: String
        /// Who applies.
        public var applicant: Applicant
        /// One member per form field of the service, keyed by the field's code.
        public var fields: [String: JSONValue]?
        /// What the citizen adds, at most 4000 characters.
        public var description: String?
        /// The language of the notifications; absent: the language negotiated from `Accept-Language`.
        public var language: Language?
        /// Which channels notify the citizen; absent: SMS when a phone is given, e-mail when an address is.
        public var notify: NotifyChoice?
        /// The supporting documents, each an upload of `POST /v1/uploads` (docs/documents.md).
        public var documents: [Documents.Reference]?

        /// A submission.
        public init(
            service: String, municipality: String, applicant: Applicant, fields: [String: JSONValue]? = nil,
            description: String? = nil, language: Language? = nil, notify: NotifyChoice? = nil,
            documents: [Documents.Reference]? = nil
        ) {
            self.service = service
            self.municipality = municipality
            self.applicant = applicant
            self.fields = fields
            self.description = description
            self.language = language
            self.notify = notify
            self.documents = documents
        }
    }

    /// The citizen's channels (`"notify": {"sms": true, "email": false}`); a member left out takes its default.
    public struct NotifyChoice: Codable, Sendable, Equatable {
        /// Text messages to `applicant.phone`; default on when a phone is given.
        public var sms: Bool?
        /// E-mails to `applicant.email`; default on when an address is given.
        public var email: Bool?

        /// A choice.
        public init(sms: Bool? = nil, email: Bool? = nil) {
            self.sms = sms
            self.email = email
        }
    }

    /// The applicant: personal data, shown to staff only through an audited view.
    public struct Applicant: Codable, Sendable, Equatable {
        /// 1–200 characters.
        public var name: String
        /// The country's national id.
        public var nationalID: String
        /// A phone number of the country.
        public var phone: String
        /// An email address.
        public var email: String?

        /// An applicant.
        public init(name: String, nationalID: String, phone: String, email: String? = nil) {
            self.name = name
            self.nationalID = nationalID
            self.phone = phone
            self.email = email
        }

        enum CodingKeys: String, CodingKey {
            case name, phone, email
            case nationalID = "national_id"
        }
    }
}
