import Foundation

extension SignedLog {
    /// `GET /v1/audit/checkpoints?municipality=CODE[&size=N]`: a signed checkpoint of the municipality's log, the
    /// latest or the one of tree size N.
    public struct Checkpoint: Codable, Sendable, Equatable {
        /// The municipality's code.
        public var municipality: String
        /// The number of leaves (chained audit events) the checkpoint covers.
        public var treeSize: Int64
        /// Standard base64 of the tree's root hash.
        public var rootHash: String
        /// When it was signed (also its `Timestamp` line).
        public var signedAt: Date
        /// The signed note, exactly as signed: what a verifier checks.
        public var note: String

        /// A stored checkpoint.
        public init(municipality: String, treeSize: Int64, rootHash: String, signedAt: Date, note: String) {
            self.municipality = municipality
            self.treeSize = treeSize
            self.rootHash = rootHash
            self.signedAt = signedAt
            self.note = note
        }

        enum CodingKeys: String, CodingKey {
            case municipality, note
            case treeSize = "tree_size"
            case rootHash = "root_hash"
            case signedAt = "signed_at"
        }
    }
}
