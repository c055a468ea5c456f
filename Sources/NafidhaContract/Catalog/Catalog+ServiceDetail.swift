extension Catalog {
    /// `GET /v1/services/{code}?municipality=CODE`: the service's members as in the list, at the top level, beside
    /// its form, its documents and the workflow it resolves to there now.
    public struct ServiceDetail: Codable, Sendable, Equatable {
        /// The language of names and labels.
        public var language: Language
        /// The municipality, as resolved (upper-case).
        public var municipality: String
        /// The service, as the list shows it.
        public var service: Service
        /// Its form.
        public var fields: [Field]
        /// The documents to bring.
        public var documents: [Document]
        /// The workflow.
        public var workflow: Workflow

        /// A service's detail.
        public init(
            language: Language, municipality: String, service: Service, fields: [Field], documents: [Document],
            workflow: Workflow
        ) {
            self.language = language
            self.municipality = municipality
            self.service = service
            self.fields = fields
            self.documents = documents
            self.workflow = workflow
        }

        enum CodingKeys: String, CodingKey {
            case language, municipality, fields, documents, workflow
        }

        /// Reads the service's members from the top level, as the server writes them.
        public init(from decoder: any Decoder) throws {
            service = try Service(from: decoder)
            let container = try decoder.container(keyedBy: CodingKeys.self)
            language = try container.decode(Language.self, forKey: .language)
            municipality = try container.decode(String.self, forKey: .municipality)
            fields = try container.decode([Field].self, forKey: .fields)
            documents = try container.decode([Document].self, forKey: .documents)
            workflow = try container.decode(Workflow.self, forKey: .workflow)
        }

        /// Writes the service's members at the top level.
        public func encode(to encoder: any Encoder) throws {
            try service.encode(to: encoder)
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(language, forKey: .language)
            try container.encode(municipality, forKey: .municipality)
            try container.encode(fields, forKey: .fields)
            try container.encode(documents, forKey: .documents)
            try container.encode(workflow, forKey: .workflow)
        }
    }
}
