import Foundation
import HTTP

extension HTTPRequest {
    /// The token of `Authorization: Bearer <token>` (scheme case-insensitive, RFC 6750 §2.1), or nil.
    var bearerToken: String? {
        guard let value = headers.first(name: "Authorization") else { return nil }
        let parts = value.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        let token = parts[1].trimmingCharacters(in: .whitespaces)
        return token.isEmpty ? nil : token
    }
}
