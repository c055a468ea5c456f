/// One public-report service as Open311 lists it (`GET services.{fmt}`), its texts in the client's language.
public struct Open311Service: Sendable, Equatable {
    /// The catalog's service code.
    public var code: String
    /// The service name.
    public var name: String
    /// The service description.
    public var description: String
    /// Whether the service has attributes (`GET services/{code}` tells which).
    public var metadata: Bool
    /// Always `realtime`: a request exists (with its tracking number) as soon as the POST answers.
    public var type: String
    /// The catalog keywords, comma-separated.
    public var keywords: String
    /// The owning sector's name.
    public var group: String
}

/// A service definition (`GET services/{code}.{fmt}`): the attributes a client fills in, from the form fields.
public struct Open311ServiceDefinition: Sendable, Equatable {
    /// The service code.
    public var code: String
    /// The attributes in form order.
    public var attributes: [Attribute]

    /// One form field as an Open311 attribute.
    public struct Attribute: Sendable, Equatable {
        /// True for a form field, input from the reporter; false for a document of the service, shown as
        /// information (GeoReport v2 carries no files).
        public var variable: Bool
        /// The form field code (`attribute[CODE]` in a POST).
        public var code: String
        /// string, number, datetime, text, singlevaluelist or multivaluelist.
        public var datatype: String
        /// Whether the form requires it.
        public var required: Bool
        /// The accepted form of the value (length, range, date format), empty when the datatype says it all.
        public var datatypeDescription: String
        /// The field's position in the form.
        public var order: Int
        /// The field's label.
        public var description: String
        /// The choices of a list attribute, in order.
        public var values: [Value]
    }

    /// One choice of a list attribute.
    public struct Value: Sendable, Equatable {
        /// The choice code sent as the attribute's value.
        public var key: String
        /// Its label.
        public var name: String
    }
}
