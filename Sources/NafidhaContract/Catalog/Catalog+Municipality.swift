extension Catalog {
    /// `GET /v1/municipalities`: every municipality, by country then code.
    public struct MunicipalityList: Codable, Sendable, Equatable {
        /// The language of `name`.
        public var language: Language
        /// The municipalities.
        public var municipalities: [Municipality]

        /// A list in `language`.
        public init(language: Language, municipalities: [Municipality]) {
            self.language = language
            self.municipalities = municipalities
        }
    }

    /// A municipality: the authority that offers services and owns a queue per sector.
    public struct Municipality: Codable, Sendable, Equatable {
        /// Three capital letters, also the prefix of its tracking numbers.
        public var code: String
        /// The name in the negotiated language.
        public var name: String
        /// The name in each language.
        public var names: LocalizedText
        /// ISO 3166-1 alpha-2 (`LY`, `DJ`).
        public var country: String
        /// Whether the capital's special provisions apply.
        public var capital: Bool
        /// The IANA zone its deadlines are counted in.
        public var timeZone: String
        /// ISO 4217 code of its fees.
        public var currency: String

        /// A municipality as the catalog lists it.
        public init(
            code: String, name: String, names: LocalizedText, country: String, capital: Bool, timeZone: String,
            currency: String
        ) {
            self.code = code
            self.name = name
            self.names = names
            self.country = country
            self.capital = capital
            self.timeZone = timeZone
            self.currency = currency
        }

        enum CodingKeys: String, CodingKey {
            case code, name, names, country, capital, currency
            case timeZone = "time_zone"
        }
    }
}
