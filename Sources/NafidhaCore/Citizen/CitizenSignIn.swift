import Foundation
import NafidhaContract
import Postgres

/// Phone sign-in (docs/citizens.md): a six-digit code sent by SMS through the notification outbox, then a session
/// token that shows the requests filed with that phone. Codes and sessions are kept as hashes only. The limits hold
/// across every server of the database, since they are counted in it.
public struct CitizenSignIn: Sendable {
    /// The named limits of sign-in (docs/citizens.md, "Limits").
    public struct Limits: Sendable, Equatable {
        /// How long a code is valid, in seconds (600).
        public var codeLifetime: TimeInterval = 600
        /// Wrong tries that lock a code (5).
        public var maximumTries = 5
        /// Codes one phone may receive within `shortWindow` (3 in 15 minutes).
        public var codesPerPhoneShort = 3
        /// The short window, in seconds (900).
        public var shortWindow: TimeInterval = 900
        /// Codes one phone may receive within a day (10).
        public var codesPerPhoneDay = 10
        /// Codes one client address (an IPv6 client by its /64) may ask for within an hour, whatever the phones (20).
        public var codesPerClientHour = 20
        /// How long a session lasts, in seconds (30 days).
        public var sessionLifetime: TimeInterval = 30 * 86_400

        /// The defaults above.
        public init() {}
    }

    /// What asking for a code came to.
    public enum CodeOutcome: Sendable, Equatable {
        /// A code is on its way (or the phone's answer would be the same if it had no requests: it always is).
        case sent(Citizen.CodeSent)
        /// A limit is reached; the client may ask again after this many seconds.
        case limited(retryAfterSeconds: Int)
    }

    /// Where codes, sessions and requests live.
    public let pool: PostgresPool
    /// The limits.
    public let limits: Limits

    /// A sign-in service over `pool`.
    public init(pool: PostgresPool, limits: Limits = Limits()) {
        self.pool = pool
        self.limits = limits
    }

    /// Sends a new code to `phone` in `language`, asked by `client` (the address throttles count by), unless a
    /// limit is reached. The code row and its SMS are written in one transaction (the outbox: the SMS leaves after
    /// commit); an earlier live code of the phone stops working. The answer is the same whether or not the phone
    /// has requests.
    /// - Throws: 422 `validation_failed` naming `phone`.
    public func sendCode(phone input: String, language: Language, client: String) throws -> CodeOutcome {
        let code = SignInCode.generate()
        let salt = SecureRandom.bytes(16)
        let minutes = String(Int(limits.codeLifetime / 60))
        let text = SMSText.fit(
            try NotificationTemplates.embedded.signInCode(in: language).render([
                "code": code.digits, "minutes": minutes,
            ])
        )
        return try pool.withTransaction { connection in
            let phone = try CitizenPhone.normalized(input, on: connection)
            let client = String(client.prefix(100))
            // One issuer at a time per phone, then per client, always in this order (no deadlock), so the counts
            // below cannot be passed by concurrent requests on several servers.
            try connection.executePrepared(
                """
                SELECT pg_advisory_xact_lock(hashtextextended('nafidha:citizen-code:phone:' || $1, 0)),
                       pg_advisory_xact_lock(hashtextextended('nafidha:citizen-code:client:' || $2, 0))
                """,
                [phone, client])
            if let wait = try retryAfter(phone: phone, client: client, on: connection) {
                return .limited(retryAfterSeconds: wait)
            }
            try connection.executePrepared(
                """
                WITH closed AS (
                    UPDATE citizen_sign_in_codes SET closed_at = now() WHERE phone = $1 AND closed_at IS NULL
                ), forgotten AS (
                    DELETE FROM citizen_sign_in_codes WHERE phone = $1 AND created_at < now() - interval '2 days'
                ), code AS (
                    INSERT INTO citizen_sign_in_codes (phone, client, salt, code_hash, created_at, expires_at)
                    VALUES ($1, $2, $3, $4, now(), now() + make_interval(secs => $5::float8))
                    RETURNING expires_at
                )
                INSERT INTO notifications (channel, recipient, language, created_at, next_attempt_at, give_up_at, body)
                SELECT 'sms', $1, $6, now(), now(), code.expires_at, $7 FROM code
                """,
                [
                    phone, client, salt, SignInCode.hash(code.digits, salt: salt), limits.codeLifetime,
                    language.rawValue, text,
                ])
            return .sent(Citizen.CodeSent(codeLength: SignInCode.length, expiresInSeconds: Int(limits.codeLifetime)))
        }
    }

    /// The seconds until `phone` and `client` may have another code, or nil when they may now: until the oldest code
    /// counted in a full window leaves it.
    private func retryAfter(phone: String, client: String, on connection: PostgresConnection) throws -> Int? {
        let rows = try connection.queryPrepared(
            """
            WITH recent AS (
                SELECT phone = $1 AS same_phone, client = $2 AS same_client, created_at
                  FROM citizen_sign_in_codes
                 WHERE (phone = $1 OR client = $2) AND created_at > now() - interval '1 day'
            ), window_state (used, allowed, seconds, oldest) AS (
                SELECT count(*), $3::int, $4::float8, min(created_at) FROM recent
                 WHERE same_phone AND created_at > now() - make_interval(secs => $4::float8)
                UNION ALL
                SELECT count(*), $5::int, 86400, min(created_at) FROM recent WHERE same_phone
                UNION ALL
                SELECT count(*), $6::int, 3600, min(created_at) FROM recent
                 WHERE same_client AND created_at > now() - interval '1 hour'
            )
            SELECT ceil(max(extract(epoch FROM oldest + make_interval(secs => seconds) - now())))::int AS wait
              FROM window_state WHERE used >= allowed
            """,
            [
                phone, client, limits.codesPerPhoneShort, limits.shortWindow, limits.codesPerPhoneDay,
                limits.codesPerClientHour,
            ]
        )
        guard let wait = try rows.first?.decode("wait", as: Int?.self) else { return nil }
        return max(wait, 1)
    }
}
