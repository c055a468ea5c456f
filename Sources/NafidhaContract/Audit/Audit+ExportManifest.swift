extension Audit {
    /// What an export contains, written next to the file (`FILE.manifest.json`) so a verifier can tell a cut or
    /// swapped file from a complete one; `GET /v1/audit/export/manifest` answers it for an export streamed by the API.
    public struct ExportManifest: Sendable, Codable, Equatable {
        /// One municipality's part of the export.
        public struct Chain: Sendable, Codable, Equatable {
            /// The municipality whose chain this is.
            public var municipalityCode: String
            /// Events of this chain in the file.
            public var eventCount: Int64
            /// The `seq` of its first event in the file.
            public var firstSeq: Int64
            /// The `seq` of its last event in the file.
            public var lastSeq: Int64
            /// The `prev_hash` of its first event (64 zeros when the file starts at genesis).
            public var firstPrevHash: String
            /// The hash of its last event in the file.
            public var lastHash: String
            /// The chain's head in the database when exported (`seq`), to anchor later verifications.
            public var headSeq: Int64
            /// The chain's head hash in the database when exported.
            public var headHash: String

            /// One chain's part of an export.
            public init(
                municipalityCode: String, eventCount: Int64, firstSeq: Int64, lastSeq: Int64, firstPrevHash: String,
                lastHash: String, headSeq: Int64, headHash: String
            ) {
                self.municipalityCode = municipalityCode
                self.eventCount = eventCount
                self.firstSeq = firstSeq
                self.lastSeq = lastSeq
                self.firstPrevHash = firstPrevHash
                self.lastHash = lastHash
                self.headSeq = headSeq
                self.headHash = headHash
            }

            enum CodingKeys: String, CodingKey {
                case municipalityCode = "municipality_code"
                case eventCount = "event_count"
                case firstSeq = "first_seq"
                case lastSeq = "last_seq"
                case firstPrevHash = "first_prev_hash"
                case lastHash = "last_hash"
                case headSeq = "head_seq"
                case headHash = "head_hash"
            }
        }

        /// The manifest's own format tag.
        public var manifestVersion: String
        /// The export file's name (without folders).
        public var file: String
        /// The export file's format.
        public var format: ExportFormat
        /// Lower-case hexadecimal SHA-256 of the export file's bytes.
        public var sha256: String
        /// Events in the file.
        public var eventCount: Int64
        /// The smallest event id in the file, if any.
        public var firstEventID: Int64?
        /// The largest event id in the file, if any.
        public var lastEventID: Int64?
        /// The range's start, inclusive (ISO 8601, UTC); nil (absent): from the first event.
        public var from: String?
        /// The range's end, exclusive (ISO 8601, UTC); nil (absent): up to the export's snapshot.
        public var to: String?
        /// The municipality filter, if any.
        public var municipality: String?
        /// Whether personal data was masked.
        public var masked: Bool
        /// When the export's snapshot was taken (ISO 8601, UTC).
        public var exportedAt: String
        /// One entry per municipality in the file, by code.
        public var chains: [Chain]
        /// Events of the range and municipality that were committed but still waiting for the sequencer when the
        /// export's snapshot was taken, hence not in the file (an export holds chained events only); nil in manifests
        /// written before the sequencer existed.
        public var unchainedEventCount: Int64?

        /// A manifest.
        public init(
            manifestVersion: String = ExportManifest.currentVersion, file: String, format: ExportFormat, sha256: String,
            eventCount: Int64, firstEventID: Int64?, lastEventID: Int64?, from: String?, to: String?,
            municipality: String?, masked: Bool, exportedAt: String, chains: [Chain], unchainedEventCount: Int64?
        ) {
            self.manifestVersion = manifestVersion
            self.file = file
            self.format = format
            self.sha256 = sha256
            self.eventCount = eventCount
            self.firstEventID = firstEventID
            self.lastEventID = lastEventID
            self.from = from
            self.to = to
            self.municipality = municipality
            self.masked = masked
            self.exportedAt = exportedAt
            self.chains = chains
            self.unchainedEventCount = unchainedEventCount
        }

        /// The tag of this manifest layout.
        public static let currentVersion = "nafidha-audit-export-v1"

        enum CodingKeys: String, CodingKey {
            case manifestVersion = "manifest_version"
            case file, format, sha256
            case eventCount = "event_count"
            case firstEventID = "first_event_id"
            case lastEventID = "last_event_id"
            case from, to, municipality, masked
            case exportedAt = "exported_at"
            case chains
            case unchainedEventCount = "unchained_event_count"
        }
    }
}
