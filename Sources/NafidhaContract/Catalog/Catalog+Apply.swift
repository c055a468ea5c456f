extension Catalog {
    /// The answer of `POST /v1/admin/catalog`: the change the file makes to the live catalog, and whether it was
    /// applied (docs/catalog.md, "The diff").
    public struct ApplyResult: Codable, Sendable, Equatable {
        /// True when `dry_run=true` was asked: nothing was written.
        public var dryRun: Bool
        /// True when the change was written (never for a dry run or a file that changes nothing).
        public var applied: Bool
        /// The number of the catalog version the change is measured from (0 before the first file).
        public var baseVersion: Int64
        /// The version this apply recorded; nil when nothing was applied.
        public var version: Version?
        /// How many things change.
        public var summary: ChangeSummary
        /// Every change, countries first, then sectors, municipalities, offices, services and overlays, each by key.
        public var changes: [Change]

        /// A result.
        public init(
            dryRun: Bool, applied: Bool, baseVersion: Int64, version: Version?, summary: ChangeSummary,
            changes: [Change]
        ) {
            self.dryRun = dryRun
            self.applied = applied
            self.baseVersion = baseVersion
            self.version = version
            self.summary = summary
            self.changes = changes
        }

        enum CodingKeys: String, CodingKey {
            case applied, version, summary, changes
            case dryRun = "dry_run"
            case baseVersion = "base_version"
        }
    }

    /// One thing of the catalog the file adds, changes, removes or disables.
    public struct Change: Codable, Sendable, Equatable {
        /// What kind of thing.
        public var kind: ChangeKind
        /// Which one: its code, or for an overlay `service municipality [stage.step] valid_from`.
        public var key: String
        /// What happens to it.
        public var action: ChangeAction
        /// For services and overlays: the requests not yet closed that use the service (there, for an overlay).
        /// They keep the workflow they were filed with, whatever changes.
        public var openRequests: Int?
        /// For a change: each member that differs, inside the thing (`fees[LY].amount_minor`).
        public var details: [Detail]

        /// A change.
        public init(kind: ChangeKind, key: String, action: ChangeAction, openRequests: Int?, details: [Detail]) {
            self.kind = kind
            self.key = key
            self.action = action
            self.openRequests = openRequests
            self.details = details
        }

        enum CodingKeys: String, CodingKey {
            case kind, key, action, details
            case openRequests = "open_requests"
        }
    }

    /// One member of a changed thing: its path inside the thing and its JSON value before and after (nil when
    /// absent on that side).
    public struct Detail: Codable, Sendable, Equatable {
        /// `names.fr`, `fees[LY].amount_minor`, `workflow[2].steps[1].office`.
        public var path: String
        /// The value before, as compact JSON text.
        public var before: String?
        /// The value after, as compact JSON text.
        public var after: String?

        /// A detail.
        public init(path: String, before: String?, after: String?) {
            self.path = path
            self.before = before
            self.after = after
        }
    }

    /// The kinds of things a catalog file holds.
    public enum ChangeKind: String, Codable, Sendable, CaseIterable {
        case country, sector, municipality, office, service
        case serviceOverlay = "service_overlay"
        case stepOverlay = "step_overlay"
    }

    /// What an apply does to one thing.
    public enum ChangeAction: String, Codable, Sendable, CaseIterable {
        case added, changed, removed
        /// A service that requests name, not in the file: disabled rather than deleted.
        case disabled
    }
}
