import NafidhaContract

extension CatalogDocument {
    /// A country: its names, zone, weekend, currency, phone and national id rules, and public holidays.
    struct Country: Sendable, Equatable {
        /// ISO 3166-1 alpha-2.
        var code: String
        var names: LocalizedText
        /// IANA zone in which its deadlines are counted.
        var timeZone: String
        /// ISO weekdays off (1 Monday ... 7 Sunday), ascending.
        var weekend: [Int]
        /// ISO 4217 code of its fees.
        var currency: String
        /// Its calling code, without `+` (`218`).
        var phoneCountryCode: String
        /// An anchored pattern for the national significant number.
        var phonePattern: String
        /// An anchored pattern for the national id.
        var nationalIDPattern: String
        /// Where a 4-digit birth year sits in the national id (from 1), if it has one.
        var birthYearPosition: Int?
        /// How the national id looks, for people.
        var nationalIDHints: LocalizedText
        /// The first and last years its holidays are declared for.
        var holidayYears: ClosedRange<Int>
        /// Its public holidays, by date.
        var holidays: [Holiday]
    }

    /// A public holiday of a country.
    struct Holiday: Sendable, Equatable {
        var date: LocalDate
        var names: LocalizedText
        /// True for a date that follows the moon and may move when announced.
        var estimated: Bool
    }

    /// A sector.
    struct Sector: Sendable, Equatable {
        var code: String
        var names: LocalizedText
    }

    /// A municipality.
    struct Municipality: Sendable, Equatable {
        /// Three capital letters, also its tracking-number prefix.
        var code: String
        var country: String
        var names: LocalizedText
        /// Whether the capital's special provisions apply.
        var capital: Bool
    }

    /// An office, where a queue is worked.
    struct Office: Sendable, Equatable {
        /// Municipal (a municipality's own office for a sector) or special (serving several municipalities).
        enum Kind: String, Sendable, CaseIterable {
            case municipal, special
        }

        var code: String
        /// Nil when the file named no known kind.
        var kind: Kind?
        var country: String
        /// The municipality of a municipal office; nil for a special one.
        var municipality: String?
        var sector: String
        var names: LocalizedText
    }
}
