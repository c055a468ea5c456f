import NafidhaContract

/// The whole catalog as one value: what a catalog file says (docs/catalog.md) and what the database holds, in the
/// same form, so that the two can be compared and the one written from the other. Arrays keep the file's order,
/// which is also where each element sits in the file (`services[2]`), so problems found here can name their path.
///
/// Instants are whole microseconds since 1970 (what PostgreSQL stores); amounts are `Decimal`s read from their exact
/// text; a field's datatype or an office's kind the file misspelled is nil (the reader has reported it).
struct CatalogDocument: Sendable, Equatable {
    /// The file format this model is (`"format": 1`).
    static let format = 1

    /// Countries, with their rules, calendars and holidays.
    var countries: [Country] = []
    /// Sectors: the kinds of office (civil registry, urban planning, ...).
    var sectors: [Sector] = []
    /// Municipalities.
    var municipalities: [Municipality] = []
    /// Offices, municipal and special.
    var offices: [Office] = []
    /// Services offered nationally, with fees, forms, documents and workflows.
    var services: [Service] = []
    /// Municipal overlays of a service's terms, in force on `[valid_from, valid_to)`.
    var serviceOverlays: [ServiceOverlay] = []
    /// Municipal overlays of one workflow step.
    var stepOverlays: [StepOverlay] = []

    /// An empty catalog.
    init() {}
}
