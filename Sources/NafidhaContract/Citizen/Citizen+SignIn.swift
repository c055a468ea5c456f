import Foundation

extension Citizen {
    /// The body of `POST /v1/citizen/codes`: the phone that should receive a sign-in code.
    public struct CodeBody: Codable, Sendable, Equatable {
        /// The phone, international (`+218…`, `00218…`) or national (`091…`) when one country's rules read it.
        public var phone: String
        /// The SMS's language (`ar`, `fr`, `en`); absent, the one of `Accept-Language`.
        public var language: Language?

        /// A code request.
        public init(phone: String, language: Language? = nil) {
            self.phone = phone
            self.language = language
        }
    }

    /// The answer of `POST /v1/citizen/codes` (202), the same whether or not the phone has requests.
    public struct CodeSent: Codable, Sendable, Equatable {
        /// Digits in the code (6).
        public var codeLength: Int
        /// Seconds the code stays valid (600).
        public var expiresInSeconds: Int

        /// An answer.
        public init(codeLength: Int, expiresInSeconds: Int) {
            self.codeLength = codeLength
            self.expiresInSeconds = expiresInSeconds
        }

        enum CodingKeys: String, CodingKey {
            case codeLength = "code_length"
            case expiresInSeconds = "expires_in_seconds"
        }
    }

    /// The body of `POST /v1/citizen/sessions`: the phone and the code it received.
    public struct SessionBody: Codable, Sendable, Equatable {
        /// The phone, as for the code.
        public var phone: String
        /// The six digits received.
        public var code: String

        /// A sign-in.
        public init(phone: String, code: String) {
            self.phone = phone
            self.code = code
        }
    }

    /// A new session (201): its bearer token, shown once, and when it ends.
    public struct Session: Codable, Sendable, Equatable {
        /// The session token: `Authorization: Bearer <token>` on the citizen's routes.
        public var token: String
        /// The phone it signs in, in E.164.
        public var phone: String
        /// When the token stops working (30 days after sign-in).
        public var expiresAt: Date

        /// A session.
        public init(token: String, phone: String, expiresAt: Date) {
            self.token = token
            self.phone = phone
            self.expiresAt = expiresAt
        }

        enum CodingKeys: String, CodingKey {
            case token, phone
            case expiresAt = "expires_at"
        }
    }

    /// The answer of `DELETE /v1/citizen/sessions/current`: the session no longer works.
    public struct SignedOut: Codable, Sendable, Equatable {
        /// Always true.
        public var signedOut: Bool

        /// An answer.
        public init(signedOut: Bool = true) {
            self.signedOut = signedOut
        }

        enum CodingKeys: String, CodingKey {
            case signedOut = "signed_out"
        }
    }
}
