import Foundation
import NafidhaContract
import Postgres

/// Where staff hear of escalations and approaching deadlines (`nafidha admin set-contact`): an e-mail address, a
/// phone in E.164, and the language of their messages. A staff member without contacts gets none.
public struct StaffContacts: Sendable {
    /// A staff member's contacts.
    public struct Contact: Sendable, Equatable {
        /// The login.
        public var name: String
        /// The e-mail address, if any.
        public var email: String?
        /// The phone, E.164, if any.
        public var phone: String?
        /// The messages' language.
        public var language: Language
    }

    let pool: PostgresPool

    /// Contacts over `pool`.
    public init(pool: PostgresPool) {
        self.pool = pool
    }

    /// Sets `name`'s contacts: each given value replaces the stored one, an empty text removes it, nil keeps it.
    /// - Throws: `invalid_staff` for an address or phone that is not one; `staff_not_found`.
    public func set(name: String, email: String?, phone: String?, language: Language?) throws -> Contact {
        var checkedEmail: String?
        if let email, !email.isEmpty {
            guard case .success(let valid) = FieldValidator.email(.string(email)) else {
                throw NafidhaError(.invalidStaff, message: ErrorCode.Message.invalidStaff(.invalidEmail(email)))
            }
            checkedEmail = valid
        }
        var checkedPhone: String?
        if let phone, !phone.isEmpty {
            let compact = Digits.normalized(phone).filter { !" -.()".contains($0) }
            guard compact.range(of: #"^\+[1-9][0-9]{6,14}$"#, options: .regularExpression) != nil else {
                throw NafidhaError(.invalidStaff, message: ErrorCode.Message.invalidStaff(.invalidPhone(phone)))
            }
            checkedPhone = compact
        }
        let rows = try pool.withConnection { connection in
            try connection.queryPrepared(
                """
                UPDATE staff
                   SET email = CASE WHEN $2::boolean THEN $3 ELSE email END,
                       phone = CASE WHEN $4::boolean THEN $5 ELSE phone END,
                       language = coalesce($6, language)
                 WHERE name = $1
                RETURNING name, email, phone, language
                """,
                [name, email != nil, checkedEmail, phone != nil, checkedPhone, language?.rawValue])
        }
        guard let row = rows.first else {
            throw NafidhaError(.staffNotFound, message: ErrorCode.Message.staffNotFound(name: name))
        }
        return Contact(
            name: try row.decode("name"), email: try row.decode("email"), phone: try row.decode("phone"),
            language: Language(rawValue: try row.decode("language")) ?? .fallback)
    }
}
