import Foundation
import NafidhaContract
import Postgres

extension PostgresRow {
    /// The three columns `<prefix>_ar`, `<prefix>_fr`, `<prefix>_en` as one text; the catalog stores every
    /// translatable text that way.
    func catalogText(_ prefix: String) throws -> LocalizedText {
        LocalizedText(
            ar: try decode(prefix + "_ar"), fr: try decode(prefix + "_fr"), en: try decode(prefix + "_en")
        )
    }

    /// A `numeric` column read through its text (select it as `::text`), exact, unlike a Double.
    func catalogDecimal(_ column: String) throws -> Decimal? {
        guard let text = try decode(column, as: String?.self) else { return nil }
        guard let value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) else {
            throw CatalogDataError(column: column, value: text)
        }
        return value
    }
}
