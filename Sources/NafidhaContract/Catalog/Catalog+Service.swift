import Foundation

extension Catalog {
    /// `GET /v1/services?municipality=CODE`: the services offered there now, by code.
    public struct ServiceList: Codable, Sendable, Equatable {
        /// The language of `name` and `description`.
        public var language: Language
        /// The municipality, as resolved (upper-case).
        public var municipality: String
        /// The services.
        public var services: [Service]

        /// A list for `municipality` in `language`.
        public init(language: Language, municipality: String, services: [Service]) {
            self.language = language
            self.municipality = municipality
            self.services = services
        }
    }

    /// A service with the SLA and fee that apply in the municipality now.
    public struct Service: Codable, Sendable, Equatable {
        /// Lower-case code (`building_permit`).
        public var code: String
        /// The name in the negotiated language.
        public var name: String
        /// The name in each language.
        public var names: LocalizedText
        /// The owning sector's code.
        public var sector: String
        /// The description in the negotiated language.
        public var description: String
        /// Working days for the whole request, there now.
        public var slaDays: Int
        /// The fee there now, in `currency`, as a JSON number; 0 is free. Kept for one release: read `amount`.
        public var fee: Decimal
        /// The fee as a decimal text with exactly the currency's decimals (`"12.500"`, `"2000"`); absent only for a
        /// currency Nafidha does not know the decimals of.
        public var amount: String?
        /// The fee in the currency's minor units (docs/payments.md).
        public var amountMinor: Int64?
        /// ISO 4217.
        public var currency: String
        /// A report about public space, also offered through Open311.
        public var publicReport: Bool

        /// A service as the catalog lists it.
        public init(
            code: String, name: String, names: LocalizedText, sector: String, description: String, slaDays: Int,
            fee: Decimal, currency: String, publicReport: Bool
        ) {
            self.code = code
            self.name = name
            self.names = names
            self.sector = sector
            self.description = description
            self.slaDays = slaDays
            self.fee = fee
            let money = Money(major: fee, currency: currency)
            amount = money?.amount
            amountMinor = money?.amountMinor
            self.currency = currency
            self.publicReport = publicReport
        }

        enum CodingKeys: String, CodingKey {
            case code, name, names, sector, description, fee, amount, currency
            case amountMinor = "amount_minor"
            case slaDays = "sla_days"
            case publicReport = "public_report"
        }
    }
}
