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

    /// A document the citizen hands in with a submission, uploaded first (docs/documents.md).
    public struct Document: Codable, Sendable, Equatable {
        /// Its code: the `type` of a submission's `documents` entry.
        public var code: String
        /// Its name in the negotiated language.
        public var name: String
        /// Whether a submission must include it.
        public var required: Bool
        /// The media types accepted for it (`application/pdf`, `image/jpeg`, `image/png`, `image/webp`).
        public var mediaTypes: [String]
        /// The largest file accepted for it, in bytes.
        public var maxBytes: Int

        /// A document.
        public init(
            code: String, name: String, required: Bool = false,
            mediaTypes: [String] = Catalog.Document.defaultMediaTypes, maxBytes: Int = Catalog.Document.defaultMaxBytes
        ) {
            self.code = code
            self.name = name
            self.required = required
            self.mediaTypes = mediaTypes
            self.maxBytes = maxBytes
        }

        /// The media types a document accepts when the catalog names none: PDF, JPEG and PNG.
        public static let defaultMediaTypes = ["application/pdf", "image/jpeg", "image/png"]
        /// Every media type an upload may have; HTML, SVG and everything else are refused (stored XSS).
        public static let knownMediaTypes = ["application/pdf", "image/jpeg", "image/png", "image/webp"]
        /// The largest file a document accepts when the catalog says nothing: 20 MiB.
        public static let defaultMaxBytes = 20 << 20

        enum CodingKeys: String, CodingKey {
            case code, name, required
            case mediaTypes = "media_types"
            case maxBytes = "max_bytes"
        }
    }
}
