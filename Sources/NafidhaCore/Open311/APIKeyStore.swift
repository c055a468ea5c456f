import Foundation
import NafidhaContract
import Postgres

/// The API keys of client applications (civic apps, dashboards) that file requests through Open311. A key is shown
/// once at creation; only its SHA-256 is stored, so a lost key is revoked and replaced, never recovered.
public struct APIKeyStore: Sendable {
    /// A client application's key as stored (without the secret).
    public struct APIKey: Sendable, Equatable {
        /// Database id, recorded on each request the application files (`requests.api_key_id`).
        public var id: Int64
        /// The application's name, unique.
        public var name: String
        /// When the key was created.
        public var createdAt: Date
        /// When it was revoked; a revoked key no longer authenticates.
        public var revokedAt: Date?
    }

    /// A newly created key: the stored record and the secret, which is never shown again.
    public struct CreatedAPIKey: Sendable {
        /// The stored record.
        public var key: APIKey
        /// The secret the application sends as `api_key`.
        public var secret: String
    }

    /// Longest application name accepted.
    public static let maximumNameLength = 100

    /// Where keys are stored.
    public let pool: PostgresPool

    /// Creates the store over `pool`.
    public init(pool: PostgresPool) {
        self.pool = pool
    }

    /// Creates a key for the application `name`.
    /// - Throws: `NafidhaError` `invalid_api_key_name` (not a name by `TextPolicy`: empty, too long, control or
    ///   bidirectional formatting characters, no visible letter) or
    ///   `api_key_name_taken` (the name exists, even revoked: names identify applications in the audit trail).
    public func create(name: String) throws -> CreatedAPIKey {
        guard case .success(let name) = TextPolicy.check(name, as: .name, limit: Self.maximumNameLength) else {
            throw NafidhaError(.invalidAPIKeyName)
        }
        let token = AccessToken.generate()
        do {
            let rows = try pool.withConnection { connection in
                try connection.query(
                    "INSERT INTO api_keys (name, key_hash) VALUES ($1, $2) RETURNING id, name, created_at, revoked_at",
                    [name, token.hash]
                )
            }
            return CreatedAPIKey(key: try Self.key(rows[0]), secret: token.text)
        } catch let error as PostgresError where error.isUniqueViolation {
            throw NafidhaError(.apiKeyNameTaken)
        }
    }

    /// Revokes the key of the application `name`; true when a key was active and is now revoked.
    public func revoke(name: String) throws -> Bool {
        try pool.withConnection { connection in
            try connection.execute(
                "UPDATE api_keys SET revoked_at = now() WHERE name = $1 AND revoked_at IS NULL", [name]
            ) == 1
        }
    }

    /// Every key, newest first, without secrets.
    public func list() throws -> [APIKey] {
        let rows = try pool.withConnection { connection in
            try connection.query("SELECT id, name, created_at, revoked_at FROM api_keys ORDER BY id DESC")
        }
        return try rows.map(Self.key)
    }

    /// The active key whose secret is `secret`, or nil (unknown, revoked, or not even well-formed).
    public func authenticate(_ secret: String) throws -> APIKey? {
        // A key is 43 base64url characters; anything else cannot match, so skip the round trip.
        guard secret.utf8.count == 43 else { return nil }
        let rows = try pool.withConnection { connection in
            try connection.queryPrepared(
                "SELECT id, name, created_at, revoked_at FROM api_keys WHERE key_hash = $1 AND revoked_at IS NULL",
                [AccessToken(text: secret).hash]
            )
        }
        return try rows.first.map(Self.key)
    }

    private static func key(_ row: PostgresRow) throws -> APIKey {
        APIKey(
            id: try row.decode("id"), name: try row.decode("name"), createdAt: try row.decode("created_at"),
            revokedAt: try row.decode("revoked_at")
        )
    }
}
