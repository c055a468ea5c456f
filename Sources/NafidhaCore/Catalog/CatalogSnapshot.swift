import Foundation

/// One consistent copy of what filing a request needs from the catalog, read at one `catalog_version`: the country
/// rules, the forms, the working calendars, and the inputs of workflow resolution (services, workflow steps,
/// municipal offices, fees and every overlay, whatever its dates, since resolution depends on the instant).
///
/// Immutable: `CatalogStore` replaces a snapshot whole when the catalog changes, never edits one, so a submission
/// validated against a snapshot sees one catalog from start to end. `CatalogSnapshot+Loading.swift` reads it,
/// `CatalogSnapshot+Resolution.swift` resolves workflows from it.
public struct CatalogSnapshot: Sendable {
    /// What one country contributes.
    struct Country: Sendable {
        /// National id and phone rules.
        var rules: CountryRules
        /// ISO 4217 code of its fees.
        var currency: String
        /// Its working calendar, or why it cannot be built.
        var calendar: Result<WorkingCalendar, WorkingCalendarError>
    }

    /// A service and its national terms.
    struct Service: Sendable {
        /// False for a service removed from the catalog file while requests name it: offered nowhere.
        var active: Bool
        /// Working days for the whole request.
        var slaDays: Int
        /// Whether anyone may file it without proving identity (a public report).
        var publicReport: Bool
        /// The form, in display order.
        var form: [FormField]
        /// The documents a submission hands in, in display order.
        var documents: [DocumentRule]
        /// The national workflow, in stage then step order.
        var steps: [WorkflowStep]
    }

    /// One row of `workflow_steps`.
    struct WorkflowStep: Sendable {
        var stageNo: Int
        var stepNo: Int
        var sector: String
        /// The office the catalog names, if any (else the municipality's own office for the sector).
        var office: String?
        var slaDays: Int
    }

    /// One row of `service_overlays`; instants in whole microseconds, as PostgreSQL compares them.
    struct ServiceOverlay: Sendable {
        var id: Int64
        var validFrom: Int64
        var validTo: Int64?
        var enabled: Bool?
        var slaDays: Int?
        var fee: Decimal?
    }

    /// One row of `step_overlays`; instants in whole microseconds, as PostgreSQL compares them.
    struct StepOverlay: Sendable {
        var id: Int64
        var stageNo: Int
        var stepNo: Int
        var validFrom: Int64
        var validTo: Int64?
        var sector: String?
        var office: String?
        var slaDays: Int?
    }

    /// What overlays and fees are keyed by: a pair of codes.
    struct Pair: Hashable, Sendable {
        var first: String
        var second: String
    }

    /// The `catalog_version` the snapshot was read at.
    public let version: Int64
    /// By country code.
    let countries: [String: Country]
    /// Each municipality's country code, by municipality code.
    let municipalities: [String: String]
    /// By service code.
    let services: [String: Service]
    /// Fee amounts by (service, country).
    let fees: [Pair: Decimal]
    /// The code of each municipality's own office, by (municipality, sector).
    let municipalOffices: [Pair: String]
    /// Service overlays by (service, municipality).
    let serviceOverlays: [Pair: [ServiceOverlay]]
    /// Step overlays by (service, municipality).
    let stepOverlays: [Pair: [StepOverlay]]
    /// The municipalities that collect fees through Nafidha (`fee_collection`), each with its bills' working days to
    /// pay (docs/payments.md).
    var feeCollection: [String: Int] = [:]

    /// The national id and phone rules of `municipality`'s country, or nil for an unknown municipality.
    func rules(municipality: String) -> CountryRules? {
        municipalities[municipality].flatMap { countries[$0]?.rules }
    }

    /// The form of `service` and whether it is a public report, or nil for an unknown service (a disabled one too:
    /// removed from the catalog file, it is filed nowhere).
    func form(service: String) -> (fields: [FormField], publicReport: Bool)? {
        services[service].flatMap { $0.active ? ($0.form, $0.publicReport) : nil }
    }

    /// The document rules of `service`, or nil for an unknown or disabled service.
    func documents(service: String) -> [DocumentRule]? {
        services[service].flatMap { $0.active ? $0.documents : nil }
    }

    /// The working calendar that governs deadlines in `municipality`, or nil when there is no such municipality.
    /// - Throws: `WorkingCalendarError` when its country's calendar cannot be built.
    func calendar(forMunicipality municipality: String) throws -> WorkingCalendar? {
        guard let country = municipalities[municipality].flatMap({ countries[$0] }) else { return nil }
        return try country.calendar.get()
    }
}
