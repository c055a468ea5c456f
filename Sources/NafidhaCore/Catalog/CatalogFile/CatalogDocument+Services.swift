import Foundation
import NafidhaContract

extension CatalogDocument {
    /// A service: its terms, fees, form, documents and national workflow.
    struct Service: Sendable, Equatable {
        var code: String
        /// The owning sector.
        var sector: String
        var names: LocalizedText
        var descriptions: LocalizedText
        /// Working days for the whole request.
        var slaDays: Int
        /// Whether anyone may file it through Open311 without proving identity.
        var publicReport: Bool
        /// Search words, in any language.
        var keywords: [String]
        /// Its fee in each country that charges one.
        var fees: [Fee]
        /// The form, in display order.
        var fields: [Field]
        /// The documents to bring, in display order.
        var documents: [Document]
        /// The stages in order; the steps of a stage run in parallel.
        var workflow: [Stage]
        /// Working days after a rejection during which the applicant may appeal; nil: the server's default, 15
        /// (docs/appeals.md).
        var appealWindowDays: Int?
    }

    /// An amount in a currency's minor units (millimes for LYD, francs for DJF).
    struct Money: Sendable, Equatable {
        /// Exact as written; a whole number once valid.
        var amountMinor: Decimal
        /// ISO 4217.
        var currency: String
    }

    /// A service's fee in one country.
    struct Fee: Sendable, Equatable {
        var country: String
        var amount: Money
    }

    /// A form field.
    struct Field: Sendable, Equatable {
        var code: String
        /// Nil when the file named no known datatype.
        var datatype: Catalog.FieldDatatype?
        var required: Bool
        var labels: LocalizedText
        /// For `string` and `text`.
        var maxLength: Int?
        /// For `number`.
        var minimum: Decimal?
        var maximum: Decimal?
        /// For `single_choice` and `multiple_choice`, in display order.
        var choices: [Choice]
    }

    /// One choice of a choice field.
    struct Choice: Sendable, Equatable {
        var code: String
        var labels: LocalizedText
    }

    /// A document the applicant hands in (docs/documents.md).
    struct Document: Sendable, Equatable {
        var code: String
        var names: LocalizedText
        /// Whether a submission must include it (default false).
        var required = false
        /// The media types accepted for it, in the file's order (default PDF, JPEG, PNG).
        var mediaTypes = Catalog.Document.defaultMediaTypes
        /// The largest file accepted for it, in bytes (default 20 MiB).
        var maxBytes = Catalog.Document.defaultMaxBytes
    }

    /// A stage of a workflow: steps run in parallel.
    struct Stage: Sendable, Equatable {
        /// The stage's number (1 to 50), kept: step overlays name it.
        var number: Int
        var steps: [Step]
    }

    /// A step: a sector acts, at its municipal office unless an office is named.
    struct Step: Sendable, Equatable {
        /// The step's number in its stage (1 to 50).
        var number: Int
        var sector: String
        var office: String?
        /// Working days once the step opens.
        var slaDays: Int
    }
}
