extension SignedLog {
    /// `GET /v1/audit/public-key`: the Ed25519 key that signs every checkpoint and verification code, and the
    /// verifier key of each municipality's log (the same key under the log's origin as its name).
    public struct PublicKey: Codable, Sendable, Equatable {
        /// `ed25519`.
        public var algorithm: String
        /// Standard base64 of the 32-byte public key, as `nafidha admin keygen` printed it.
        public var publicKey: String
        /// The host name the logs' origins start with.
        public var host: String
        /// One per municipality, in code order.
        public var verifierKeys: [VerifierKey]

        /// The server's key.
        public init(algorithm: String = "ed25519", publicKey: String, host: String, verifierKeys: [VerifierKey]) {
            self.algorithm = algorithm
            self.publicKey = publicKey
            self.host = host
            self.verifierKeys = verifierKeys
        }

        enum CodingKeys: String, CodingKey {
            case algorithm, host
            case publicKey = "public_key"
            case verifierKeys = "verifier_keys"
        }
    }

    /// The verifier key of one municipality's log (c2sp.org/signed-note, Go's `sumdb/note` format).
    public struct VerifierKey: Codable, Sendable, Equatable {
        /// The municipality's code.
        public var municipality: String
        /// The log's origin, `<host>/audit/<code>`, which is the key's name.
        public var origin: String
        /// `<origin>+<key id>+<base64(0x01 ‖ public key)>`.
        public var verifierKey: String

        /// One log's verifier key.
        public init(municipality: String, origin: String, verifierKey: String) {
            self.municipality = municipality
            self.origin = origin
            self.verifierKey = verifierKey
        }

        enum CodingKeys: String, CodingKey {
            case municipality, origin
            case verifierKey = "verifier_key"
        }
    }
}
