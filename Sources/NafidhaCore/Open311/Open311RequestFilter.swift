import Foundation
import NafidhaContract

/// The filters of `GET requests.{fmt}`, checked: the spec's `service_request_id` (overrides the rest),
/// `service_code`, `start_date`, `end_date` and `status`; the paging extension's `page` and `page_size`; the v2.1
/// draft's `updated_after` and `updated_before`. An empty parameter counts as absent, as the spec says.
public struct Open311RequestFilter: Sendable, Equatable {
    /// Longest span between start and end (`start_date`/`end_date`, or the updated range), and the default window.
    public static let maximumSpan: TimeInterval = 90 * 86_400
    /// Largest `page_size`, also the default: the spec's "1000 requests".
    public static let maximumPageSize = 1000
    /// Largest `page`, so that the offset stays bounded.
    public static let maximumPage = 10_000
    /// Most ids in one `service_request_id` list.
    public static let maximumIDs = 1000

    /// Which date a window bounds.
    public enum Window: Sendable, Equatable {
        /// `requested_datetime` in [start, end].
        case requested(start: Date, end: Date)
        /// `updated_datetime` in (after, before).
        case updated(after: Date, before: Date)
    }

    /// Tracking numbers asked for; when non-nil every other filter is ignored.
    public var ids: [String]?
    /// Service codes to keep; nil keeps all.
    public var serviceCodes: [String]?
    /// The time window.
    public var window: Window
    /// Open or closed; nil keeps both.
    public var status: Open311Status?
    /// 1-based page.
    public var page: Int
    /// Requests per page.
    public var pageSize: Int

    /// Reads and checks the parameters (`name=value` pairs of the query) at `now`.
    /// - Throws: `NafidhaError` `invalid_parameters` (400) naming each bad parameter.
    public init(parameters: [(name: String, value: String)], now: Date = Date()) throws {
        var given: [String: String] = [:]
        for (name, value) in parameters where !value.isEmpty && given[name] == nil {
            given[name] = value
        }
        var problems: [String: FieldReason] = [:]
        func date(_ name: String) -> Date? {
            guard let text = given[name] else { return nil }
            switch DateParameter.read(text) {
            case .date(let value):
                return value
            case .malformed:
                problems[name] = .notAnInstant
            case .outOfRange:
                problems[name] = .instantOutOfRange(
                    earliest: DateParameter.earliestText, latest: DateParameter.latestText)
            }
            return nil
        }
        func number(_ name: String, maximum: Int, default fallback: Int) -> Int {
            guard let text = given[name] else { return fallback }
            guard let value = Int(text), (1...maximum).contains(value) else {
                problems[name] = .wholeNumber(from: 1, to: maximum)
                return fallback
            }
            return value
        }
        func list(_ name: String) -> [String]? {
            given[name].map {
                $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            }
        }

        ids = list("service_request_id")
        if let ids, ids.count > Self.maximumIDs { problems["service_request_id"] = .tooMany(maximum: Self.maximumIDs) }
        serviceCodes = list("service_code")
        if let text = given["status"] {
            status = Open311Status(rawValue: text.lowercased())
            if status == nil { problems["status"] = .oneOf(Open311Status.allCases.map(\.rawValue)) }
        }
        page = number("page", maximum: Self.maximumPage, default: 1)
        pageSize = number("page_size", maximum: Self.maximumPageSize, default: Self.maximumPageSize)

        let start = date("start_date")
        let end = date("end_date")
        let after = date("updated_after")
        let before = date("updated_before")
        let usesUpdated = (after != nil || before != nil) && start == nil && end == nil
        let (low, high) = usesUpdated ? (after, before) : (start, end)
        // Missing bounds default to a 90-day window ending now, or starting/ending at the bound given.
        let upper = high ?? low.map { $0.addingTimeInterval(Self.maximumSpan) } ?? now
        let lower = low ?? upper.addingTimeInterval(-Self.maximumSpan)
        if upper < lower || upper.timeIntervalSince(lower) > Self.maximumSpan {
            problems[usesUpdated ? "updated_after" : "start_date"] = .spanTooLong(
                maximumDays: Int(Self.maximumSpan / 86_400))
        }
        window = usesUpdated ? .updated(after: lower, before: upper) : .requested(start: lower, end: upper)

        guard problems.isEmpty else {
            throw NafidhaError(.invalidParameters, fields: problems)
        }
    }
}
