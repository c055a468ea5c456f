import Foundation
import NafidhaContract

/// One field of a service's form.
public struct FormField: Sendable, Hashable {
    /// One allowed value of a choice field.
    public struct Choice: Sendable, Hashable {
        /// The code a submission sends.
        public var code: String
        /// Its label in each language.
        public var labels: LocalizedText

        /// Creates a choice.
        public init(code: String, labels: LocalizedText) {
            self.code = code
            self.labels = labels
        }
    }

    /// The key of the value in a submission's `fields` object.
    public var code: String
    /// What kind of value it takes.
    public var datatype: Catalog.FieldDatatype
    /// Whether a submission must give it.
    public var required: Bool
    /// Its label in each language.
    public var labels: LocalizedText
    /// The allowed values, in display order (choice fields only; empty otherwise).
    public var choices: [Choice]
    /// The longest value in characters (string and text only).
    public var maxLength: Int?
    /// The smallest value allowed (number only).
    public var minValue: Decimal?
    /// The largest value allowed (number only).
    public var maxValue: Decimal?

    /// Creates a field; the catalog's constraints (bounds for numbers only, lengths for text only) are the
    /// caller's to respect.
    public init(
        code: String, datatype: Catalog.FieldDatatype, required: Bool, labels: LocalizedText, choices: [Choice] = [],
        maxLength: Int? = nil, minValue: Decimal? = nil, maxValue: Decimal? = nil
    ) {
        self.code = code
        self.datatype = datatype
        self.required = required
        self.labels = labels
        self.choices = choices
        self.maxLength = maxLength
        self.minValue = minValue
        self.maxValue = maxValue
    }
}
