import Foundation
import NafidhaContract
import Postgres

extension CitizenSignIn {
    /// What one try of a code came to, decided inside the transaction that counts the try.
    private enum Try {
        case signedIn(Citizen.Session)
        case wrong
        case locked
    }

    /// Opens a session for `phone` if `code` is its live code. A wrong code, an expired or replaced one, a malformed
    /// one and a phone that was sent no code all take the same path: one locked look-up of the phone's latest code
    /// (none found for an unknown phone), one salted SHA-256 (of a stand-in salt when there is no code), one
    /// constant-time comparison, one update that counts the try (touching no row when there is no code), one commit.
    /// - Throws: 422 `validation_failed` naming `phone`; 400 `invalid_sign_in_code`; 429 `sign_in_code_locked` once
    ///   the code was tried `maximumTries` times.
    public func signIn(phone input: String, code: String) throws -> Citizen.Session {
        let outcome = try pool.withTransaction { connection -> Try in
            let phone = try CitizenPhone.normalized(input, on: connection)
            let row = try connection.queryPrepared(
                """
                SELECT id, salt, code_hash, attempts, expires_at > now() AS live FROM citizen_sign_in_codes
                 WHERE phone = $1 AND closed_at IS NULL ORDER BY id DESC LIMIT 1 FOR UPDATE
                """,
                [phone]
            ).first
            let salt: [UInt8] = try row?.decode("salt") ?? Self.standInSalt
            let stored: [UInt8] = try row?.decode("code_hash") ?? Self.standInHash
            let matches = RequestTracking.constantTimeEqual(
                SignInCode.hash(String(code.prefix(64)), salt: salt), stored)
            let attempts: Int = try row?.decode("attempts") ?? 0
            let live: Bool = try row?.decode("live") ?? false
            let locked = attempts >= limits.maximumTries
            let success = row != nil && live && !locked && matches
            try connection.executePrepared(
                """
                UPDATE citizen_sign_in_codes
                   SET attempts = attempts + CASE WHEN $2 THEN 0 ELSE 1 END,
                       closed_at = CASE WHEN $2 THEN now() END
                 WHERE id = $1 AND attempts < $3
                """,
                [try row?.decode("id", as: Int64.self) ?? 0, success, limits.maximumTries])
            guard success else { return row != nil && live && locked ? .locked : .wrong }
            return .signedIn(try open(phone: phone, on: connection))
        }
        switch outcome {
        case .signedIn(let session): return session
        case .wrong: throw NafidhaError(.invalidSignInCode)
        case .locked: throw NafidhaError(.signInCodeLocked)
        }
    }

    /// The phone a live session token `token` signs in.
    /// - Throws: 401 `invalid_session` for a missing, unknown, expired or revoked token.
    public func phone(session token: String?) throws -> String {
        guard let token, !token.isEmpty else { throw NafidhaError(.invalidSession) }
        let rows = try pool.withConnection { connection in
            try connection.queryPrepared(
                """
                SELECT phone FROM citizen_sessions
                 WHERE token_hash = $1 AND revoked_at IS NULL AND expires_at > now()
                """,
                [AccessToken(text: token).hash])
        }
        guard let phone: String = try rows.first?.decode("phone") else { throw NafidhaError(.invalidSession) }
        return phone
    }

    /// Ends the session of `token` at once.
    /// - Throws: 401 `invalid_session` when it is not a live session.
    public func signOut(session token: String?) throws {
        guard let token, !token.isEmpty else { throw NafidhaError(.invalidSession) }
        let ended = try pool.withConnection { connection in
            try connection.executePrepared(
                """
                UPDATE citizen_sessions SET revoked_at = now()
                 WHERE token_hash = $1 AND revoked_at IS NULL AND expires_at > now()
                """,
                [AccessToken(text: token).hash])
        }
        guard ended == 1 else { throw NafidhaError(.invalidSession) }
    }

    /// Stores a new session for `phone` (the token's SHA-256 only) and forgets the phone's sessions that ended
    /// more than a day ago.
    private func open(phone: String, on connection: PostgresConnection) throws -> Citizen.Session {
        let token = AccessToken.generate()
        let rows = try connection.queryPrepared(
            """
            WITH forgotten AS (
                DELETE FROM citizen_sessions
                 WHERE phone = $2 AND coalesce(least(revoked_at, expires_at), expires_at) < now() - interval '1 day'
            )
            INSERT INTO citizen_sessions (token_hash, phone, created_at, expires_at)
            VALUES ($1, $2, now(), now() + make_interval(secs => $3::float8))
            RETURNING expires_at
            """,
            [token.hash, phone, limits.sessionLifetime])
        return Citizen.Session(token: token.text, phone: phone, expiresAt: try rows[0].decode("expires_at"))
    }

    /// Compared with when the phone has no live code, so that path costs what a wrong code costs.
    private static let standInSalt = [UInt8](repeating: 0, count: 16)
    private static let standInHash = [UInt8](repeating: 0, count: 32)
}
