import Foundation
import NafidhaContract
import Postgres

/// Staff accounts and their API tokens: creation and token management for `nafidha admin`, and the token check
/// every staff request goes through. Synchronous: call it from threads we own.
public struct StaffDirectory: Sendable {
    /// Limits of staff tokens.
    public struct Settings: Sendable {
        /// How long a new token lives unless the operator says otherwise (90 days).
        public var defaultTokenLifetime: TimeInterval = 90 * 86_400
        /// The longest lifetime accepted (366 days).
        public var maximumTokenLifetime: TimeInterval = 366 * 86_400
        /// `last_used_at` is written at most this often per token, so reads do not each cost a write (60 s).
        public var lastUsedResolution: TimeInterval = 60

        /// The defaults above.
        public init() {}
    }

    /// A token just issued: the only time its text exists outside the holder's hands.
    public struct IssuedToken: Sendable {
        /// The token's id, for `revoke-token --token`.
        public var id: Int64
        /// The bearer secret, shown once.
        public var text: String
        /// When it stops working.
        public var expiresAt: Date
    }

    /// Prefix of staff tokens, so secret scanners and people can tell them from citizen tokens.
    public static let tokenPrefix = "nfs_"

    let pool: PostgresPool
    let settings: Settings

    /// A directory over `pool`.
    public init(pool: PostgresPool, settings: Settings = Settings()) {
        self.pool = pool
        self.settings = settings
    }

    /// Creates a staff member. Clerks need at least one municipality and one sector, supervisors at least one
    /// municipality; auditors and admins without municipalities are national.
    @discardableResult
    public func create(
        name: String, role: StaffRole, municipalities: [String], sectors: [String]
    ) throws -> StaffMember {
        let municipalities = Array(Set(municipalities)).sorted()
        let sectors = Array(Set(sectors)).sorted()
        guard Self.isValidName(name) else { throw Self.invalid(.invalidName) }
        switch role {
        case .clerk where municipalities.isEmpty || sectors.isEmpty:
            throw Self.invalid(.clerkWithoutScope)
        case .supervisor where municipalities.isEmpty, .cashier where municipalities.isEmpty:
            throw Self.invalid(.supervisorWithoutMunicipality)
        default: break
        }
        if role != .clerk && !sectors.isEmpty {
            throw Self.invalid(.sectorsOnlyForClerks)
        }
        return try pool.withTransaction { connection in
            // The first code of each list the catalog does not know, if any.
            let unknown = try connection.query(
                """
                SELECT (SELECT c FROM unnest($1::text[]) c WHERE c NOT IN (SELECT code FROM municipalities) ORDER BY c
                         LIMIT 1) AS municipality,
                       (SELECT c FROM unnest($2::text[]) c WHERE c NOT IN (SELECT code FROM sectors) ORDER BY c
                         LIMIT 1) AS sector
                """,
                [municipalities, sectors]
            )[0]
            if let code: String = try unknown.decode("municipality") { throw Self.invalid(.unknownMunicipality(code)) }
            if let code: String = try unknown.decode("sector") { throw Self.invalid(.unknownSector(code)) }
            let id: Int64
            do {
                id = try connection.query(
                    "INSERT INTO staff (name, role) VALUES ($1, $2) RETURNING id", [name, role.rawValue]
                )[0].decode("id")
            } catch let error as PostgresError where error.isUniqueViolation {
                throw NafidhaError(.staffExists)
            }
            try connection.execute(
                "INSERT INTO staff_municipalities (staff_id, municipality_code) SELECT $1, unnest($2::text[])",
                [id, municipalities])
            try connection.execute(
                "INSERT INTO staff_sectors (staff_id, sector_code) SELECT $1, unnest($2::text[])", [id, sectors])
            return StaffMember(id: id, name: name, role: role, municipalities: municipalities, sectors: sectors)
        }
    }

    /// Issues a new token for the staff member `name`; `lifetime` defaults to `settings.defaultTokenLifetime`.
    public func issueToken(forStaff name: String, lifetime: TimeInterval? = nil) throws -> IssuedToken {
        let lifetime = lifetime ?? settings.defaultTokenLifetime
        guard lifetime >= 60, lifetime <= settings.maximumTokenLifetime else {
            throw Self.invalid(.tokenLifetime(maximumDays: Int(settings.maximumTokenLifetime / 86_400)))
        }
        let token = AccessToken(text: Self.tokenPrefix + AccessToken.generate().text)
        return try pool.withConnection { connection in
            let rows = try connection.query(
                """
                INSERT INTO staff_tokens (staff_id, token_hash, expires_at)
                SELECT id, $2, now() + make_interval(secs => $3) FROM staff WHERE name = $1 AND active
                RETURNING id, expires_at
                """,
                [name, token.hash, lifetime]
            )
            guard rows.count == 1 else { throw Self.notFound(name) }
            return IssuedToken(
                id: try rows[0].decode("id"), text: token.text, expiresAt: try rows[0].decode("expires_at"))
        }
    }

    /// Revokes the staff member's unrevoked tokens, or only `tokenID`; returns how many were revoked.
    @discardableResult
    public func revokeTokens(forStaff name: String, tokenID: Int64? = nil) throws -> Int {
        try pool.withTransaction { connection in
            guard try connection.query("SELECT 1 FROM staff WHERE name = $1", [name]).count == 1 else {
                throw Self.notFound(name)
            }
            return try connection.execute(
                """
                UPDATE staff_tokens SET revoked_at = now()
                 WHERE staff_id = (SELECT id FROM staff WHERE name = $1) AND revoked_at IS NULL
                   AND ($2::bigint IS NULL OR id = $2)
                """,
                [name, tokenID]
            )
        }
    }

    /// The staff member holding `token`: it must be known, unexpired and unrevoked, and its holder active.
    /// Records the token's last use (at most once per `lastUsedResolution`).
    public func authenticate(token: String) throws -> StaffMember {
        guard token.hasPrefix(Self.tokenPrefix), token.utf8.count <= 200 else { throw NafidhaError(.invalidToken) }
        let hash = AccessToken(text: token).hash
        // One statement, since every staff request makes it: the data-modifying CTE always runs (PostgreSQL runs
        // it whether or not the query reads it), and the SELECT reads the token as it was before that update.
        return try pool.withConnection { connection in
            let found = try connection.queryPrepared(
                """
                WITH touched AS (
                    UPDATE staff_tokens SET last_used_at = now()
                     WHERE token_hash = $1 AND revoked_at IS NULL AND expires_at > now()
                       AND (last_used_at IS NULL OR last_used_at < now() - make_interval(secs => $2))
                )
                SELECT \(Self.memberColumns)
                  FROM staff_tokens t JOIN staff s ON s.id = t.staff_id
                 WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND t.expires_at > now() AND s.active
                """,
                [hash, settings.lastUsedResolution]
            )
            guard found.count == 1 else { throw NafidhaError(.invalidToken) }
            return try Self.member(from: found[0])
        }
    }

    /// A login: 1 to 63 of `a-z 0-9 . _ -`, starting with a letter or a digit. Checked byte by byte rather than by a
    /// regular expression, whose `$` also matches before a final newline (`"amina\n"` passed).
    static func isValidName(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        func isLetterOrDigit(_ byte: UInt8) -> Bool { (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) }
        guard let first = bytes.first, bytes.count <= 63, isLetterOrDigit(first) else { return false }
        return bytes.allSatisfy {
            isLetterOrDigit($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-")
        }
    }

    /// The staff member named `name` and whether the account is active, inside the caller's transaction.
    static func member(named name: String, on connection: PostgresConnection) throws -> (
        member: StaffMember, active: Bool
    ) {
        let rows = try connection.queryPrepared(
            """
            SELECT \(Self.memberColumns), s.active FROM staff s WHERE s.name = $1
            """,
            [name]
        )
        guard rows.count == 1 else { throw Self.notFound(name) }
        return (try Self.member(from: rows[0]), try rows[0].decode("active"))
    }

    /// A staff member's columns over `staff s`, scope as two sorted `text[]`.
    private static let memberColumns = """
        s.id, s.name, s.role,
        ARRAY(SELECT municipality_code FROM staff_municipalities WHERE staff_id = s.id ORDER BY municipality_code)
            AS municipalities,
        ARRAY(SELECT sector_code FROM staff_sectors WHERE staff_id = s.id ORDER BY sector_code) AS sectors
        """

    private static func member(from row: PostgresRow) throws -> StaffMember {
        guard let role = StaffRole(rawValue: try row.decode("role")) else { throw NafidhaError(.invalidToken) }
        return StaffMember(
            id: try row.decode("id"), name: try row.decode("name"), role: role,
            municipalities: try row.decode("municipalities"), sectors: try row.decode("sectors"))
    }

    /// 404 `staff_not_found`, naming who was looked for.
    private static func notFound(_ name: String) -> NafidhaError {
        NafidhaError(.staffNotFound, message: ErrorCode.Message.staffNotFound(name: name))
    }

    /// 422 `invalid_staff`, saying what is wrong.
    private static func invalid(_ problem: StaffProblem) -> NafidhaError {
        NafidhaError(.invalidStaff, message: ErrorCode.Message.invalidStaff(problem))
    }
}
