extension Tracking {
    /// The body of `POST /v1/requests/{tracking}/replies`: the citizen's answer to a request for information.
    public struct ReplyBody: Codable, Sendable, Equatable {
        /// The answer, 1–4000 characters.
        public var message: String
        /// At most 50 values, each a string, a number or a boolean.
        public var fields: [String: JSONValue]?
        /// Uploads handed in with the answer, each as one of the service's documents (docs/documents.md).
        public var documents: [Documents.Reference]?

        /// A reply.
        public init(message: String, fields: [String: JSONValue]? = nil, documents: [Documents.Reference]? = nil) {
            self.message = message
            self.fields = fields
            self.documents = documents
        }
    }
}
