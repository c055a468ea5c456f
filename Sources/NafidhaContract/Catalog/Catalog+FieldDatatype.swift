extension Catalog {
    /// The datatypes a form field can have (`form_fields.datatype`); docs/api.md says what value each accepts.
    public enum FieldDatatype: String, Codable, Sendable, CaseIterable {
        /// One line of text.
        case string
        /// Several lines of text.
        case text
        /// A decimal number.
        case number
        /// A calendar date, `YYYY-MM-DD`.
        case date
        /// One code among the field's choices.
        case singleChoice = "single_choice"
        /// A list of codes among the field's choices.
        case multipleChoice = "multiple_choice"
        /// A national id, checked against the country's rule.
        case nationalID = "national_id"
        /// A phone number, stored in E.164.
        case phone
        /// An email address.
        case email
        /// `{"lat", "long"}` and/or `{"address"}`.
        case location
    }
}
