extension Catalog {
    /// `GET /v1/sectors`: every sector, by code.
    public struct SectorList: Codable, Sendable, Equatable {
        /// The language of `name`.
        public var language: Language
        /// The sectors.
        public var sectors: [Sector]

        /// A list in `language`.
        public init(language: Language, sectors: [Sector]) {
            self.language = language
            self.sectors = sectors
        }
    }

    /// A sector: a field of public service (civil registry, urban planning, ...) whose offices act on requests.
    public struct Sector: Codable, Sendable, Equatable {
        /// Lower-case code (`civil_registry`).
        public var code: String
        /// The name in the negotiated language.
        public var name: String
        /// The name in each language.
        public var names: LocalizedText

        /// A sector as the catalog lists it.
        public init(code: String, name: String, names: LocalizedText) {
            self.code = code
            self.name = name
            self.names = names
        }
    }
}
