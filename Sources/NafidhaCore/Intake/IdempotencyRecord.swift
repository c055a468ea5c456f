import Foundation
import NafidhaContract
import Postgres
import Transparency

/// An Idempotency-Key and the body it came with, and how a replay recovers the first answer without the database
/// ever holding the access token in plaintext.
///
/// The database keeps SHA-256(key) (hex, in `requests.idempotency_key`), SHA-256(body) (`request_hash`), the first
/// answer without its token (`idempotency_receipt`), and the token's 32 random bytes XOR a one-time pad
/// `SHA-256("nafidha/idempotency-token" ‖ key ‖ 0x00 ‖ SHA-256(body))` (`idempotency_token_cipher`). Only a client
/// presenting the key itself, with the same body, can rebuild the pad and so the token.
struct IdempotencyRecord: Sendable {
    /// Shortest key accepted: short keys collide and make the pad guessable.
    static let minimumKeyLength = 16
    /// Longest key accepted.
    static let maximumKeyLength = 255

    let key: String
    /// Lower-case hex SHA-256 of the key: what the database stores and looks up.
    let keyDigest: String
    /// SHA-256 of the canonical body.
    let bodyHash: [UInt8]

    /// The stored form of a first answer.
    struct Sealed: Sendable {
        var tokenCipher: [UInt8]
        var receiptText: String
    }

    /// Checks `key`: 16–255 printable ASCII characters (0x20–0x7E; HTTP already strips outer spaces).
    init(key: String, bodyHash: [UInt8]) throws(NafidhaError) {
        guard (Self.minimumKeyLength...Self.maximumKeyLength).contains(key.utf8.count),
            key.utf8.allSatisfy({ (0x20...0x7E).contains($0) })
        else {
            throw NafidhaError(.invalidIdempotencyKey)
        }
        self.key = key
        self.keyDigest = Hex.encode(SHA256.hash(key))
        self.bodyHash = bodyHash
    }

    /// The first answer to this key from `row`, which holds the `request_hash`, `access_token_hash`,
    /// `idempotency_token_cipher` and `idempotency_receipt` of the request the key names (all NULL when the key is
    /// new: then nil); throws `idempotency_conflict` when the key came with another body.
    func replay(from row: PostgresRow) throws -> Intake.Receipt? {
        guard let storedBodyHash = try row.decode("request_hash", as: [UInt8]?.self) else { return nil }
        guard storedBodyHash == bodyHash else {
            throw NafidhaError(.idempotencyConflict)
        }
        let cipher: [UInt8] = try row.decode("idempotency_token_cipher")
        let token = AccessToken(text: Base64URL.encode(zip(cipher, pad).map { $0 ^ $1 }))
        guard token.hash == (try row.decode("access_token_hash", as: [UInt8].self)) else {
            // Same key digest and body hash but the pad does not open the token: only a SHA-256 collision gets here.
            throw NafidhaError(.idempotencyConflict)
        }
        var receipt = try Self.decoder.decode(
            Intake.Receipt.self, from: Data(try row.decode("idempotency_receipt", as: String.self).utf8)
        )
        receipt.accessToken = token.text
        return receipt
    }

    /// What to store so that `replay` can rebuild `receipt` and its token.
    func sealed(tokenBytes: [UInt8], receipt: Intake.Receipt) throws -> Sealed {
        var withoutToken = receipt
        withoutToken.accessToken = ""
        return Sealed(
            tokenCipher: zip(tokenBytes, pad).map { $0 ^ $1 },
            receiptText: String(decoding: try Self.encoder.encode(withoutToken), as: UTF8.self)
        )
    }

    /// `SHA-256("nafidha/idempotency-token" ‖ key ‖ 0x00 ‖ SHA-256(body))`.
    private var pad: [UInt8] {
        SHA256.hash(Array("nafidha/idempotency-token".utf8) + Array(key.utf8) + [0] + bodyHash)
    }

    // Instants as whole microseconds since 1970, so a replayed receipt equals the first one exactly.
    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(Int64((date.timeIntervalSince1970 * 1_000_000).rounded()))
        }
        return encoder
    }()

    private static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let microseconds = try decoder.singleValueContainer().decode(Int64.self)
            return Date(timeIntervalSince1970: Double(microseconds) / 1_000_000)
        }
        return decoder
    }()
}
