import Foundation

extension Catalog {
    /// `GET /v1/catalog/version`: the catalog version in force (docs/catalog.md, "Versions"). Caches and integrators
    /// watch `revision`, which moves with every change to the catalog; `number` counts the catalog files applied.
    public struct Version: Codable, Sendable, Equatable {
        /// 1, 2, 3, ... one per applied catalog file; 0 before the first.
        public var number: Int64
        /// When that file was applied; nil before the first.
        public var appliedAt: Date?
        /// How it was applied; nil before the first.
        public var appliedVia: ApplyChannel?
        /// Lower-case hexadecimal SHA-256 of the applied file's bytes; nil before the first.
        public var sha256: String?
        /// What that apply changed; nil before the first.
        public var summary: ChangeSummary?
        /// The catalog's revision now: a counter every change to the catalog tables moves (the key of caches).
        public var revision: Int64
        /// True when the catalog changed since that file was applied by other means than a catalog file.
        public var editedSince: Bool

        /// A version.
        public init(
            number: Int64, appliedAt: Date?, appliedVia: ApplyChannel?, sha256: String?, summary: ChangeSummary?,
            revision: Int64, editedSince: Bool
        ) {
            self.number = number
            self.appliedAt = appliedAt
            self.appliedVia = appliedVia
            self.sha256 = sha256
            self.summary = summary
            self.revision = revision
            self.editedSince = editedSince
        }

        enum CodingKeys: String, CodingKey {
            case number, sha256, summary, revision
            case appliedAt = "applied_at"
            case appliedVia = "applied_via"
            case editedSince = "edited_since"
        }
    }

    /// How a catalog file was applied; the database's `catalog_versions.applied_via` CHECK lists the same words.
    public enum ApplyChannel: String, Codable, Sendable, CaseIterable {
        /// `nafidha admin catalog apply`, on the database directly.
        case cli
        /// `POST /v1/admin/catalog`, by an admin.
        case api
        /// `nafidha seed demo` (or `serve --demo`) into an empty catalog.
        case seed
    }

    /// How many things an apply added, changed, removed, and disabled instead of removing.
    public struct ChangeSummary: Codable, Sendable, Equatable {
        /// Things in the file and not in the catalog.
        public var added: Int
        /// Things in both, different.
        public var changed: Int
        /// Things in the catalog and not in the file, deleted.
        public var removed: Int
        /// Services not in the file that requests name: disabled, not deleted.
        public var disabled: Int

        /// A summary.
        public init(added: Int, changed: Int, removed: Int, disabled: Int) {
            self.added = added
            self.changed = changed
            self.removed = removed
            self.disabled = disabled
        }

        /// True when nothing changes.
        public var isEmpty: Bool { added + changed + removed + disabled == 0 }
    }
}
