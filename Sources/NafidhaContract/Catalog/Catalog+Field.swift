import Foundation

extension Catalog {
    /// One field of a service's form.
    public struct Field: Codable, Sendable, Equatable {
        /// The key of its value in a submission's `fields`.
        public var code: String
        /// What a value must be.
        public var datatype: FieldDatatype
        /// Whether a submission must give it.
        public var required: Bool
        /// The label in the negotiated language.
        public var label: String
        /// The label in each language.
        public var labels: LocalizedText
        /// Choice fields only: the choices in display order.
        public var choices: [Choice]?
        /// `string` and `text` only, when set: the longest value in characters.
        public var maxLength: Int?
        /// `number` only, when set: the smallest value.
        public var min: Decimal?
        /// `number` only, when set: the largest value.
        public var max: Decimal?

        /// A form field.
        public init(
            code: String, datatype: FieldDatatype, required: Bool, label: String, labels: LocalizedText,
            choices: [Choice]? = nil, maxLength: Int? = nil, min: Decimal? = nil, max: Decimal? = nil
        ) {
            self.code = code
            self.datatype = datatype
            self.required = required
            self.label = label
            self.labels = labels
            self.choices = choices
            self.maxLength = maxLength
            self.min = min
            self.max = max
        }

        enum CodingKeys: String, CodingKey {
            case code, datatype, required, label, labels, choices, min, max
            case maxLength = "max_length"
        }
    }

    /// One choice of a choice field.
    public struct Choice: Codable, Sendable, Equatable {
        /// What a submission sends.
        public var code: String
        /// What a person reads, in the negotiated language.
        public var label: String

        /// A choice.
        public init(code: String, label: String) {
            self.code = code
            self.label = label
        }
    }

    /// A document the citizen brings.
    public struct Document: Codable, Sendable, Equatable {
        /// Its code.
        public var code: String
        /// Its name in the negotiated language.
        public var name: String

        /// A document.
        public init(code: String, name: String) {
            self.code = code
            self.name = name
        }
    }
}
