/// A request's status as GeoReport v2 names it: open until approved, rejected or cancelled.
public enum Open311Status: String, Sendable, CaseIterable {
    /// Not closed yet.
    case open
    /// Approved, rejected or cancelled.
    case closed
}
