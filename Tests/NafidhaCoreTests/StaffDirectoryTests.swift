import Foundation
import NafidhaCore
import Postgres
import TestSupport
import Testing

@Suite("Staff accounts and tokens")
struct StaffDirectoryTests {
    @Test("a clerk without a sector is refused")
    func clerkNeedsSector() throws {
        try StaffTestWorld.with { world in
            #expect(throws: NafidhaError.self) { try world.staff("amina", .clerk, municipalities: ["TRP"]) }
            let error = try #require(throws: NafidhaError.self) {
                try world.staff("amina", .clerk, sectors: ["health"])
            }
            #expect(error.code == .invalidStaff)
        }
    }

    @Test("an unknown municipality or sector is refused and nothing is kept")
    func unknownCodes() throws {
        try StaffTestWorld.with { world in
            let error = try #require(throws: NafidhaError.self) {
                try world.staff("amina", .clerk, municipalities: ["XXX"], sectors: ["health"])
            }
            #expect(error.code == .invalidStaff)
            #expect(try world.query("SELECT 1 FROM staff").count == 0)
        }
    }

    @Test("a second staff member with the same name is a conflict")
    func duplicateName() throws {
        try StaffTestWorld.with { world in
            try world.staff("audit1", .auditor)
            let error = try #require(throws: NafidhaError.self) { try world.staff("audit1", .admin) }
            #expect(error.code == .staffExists)
        }
    }

    @Test("an issued token authenticates its holder and only its hash is stored")
    func issuedTokenAuthenticates() throws {
        try StaffTestWorld.with { world in
            let clerk = try world.staff("amina", .clerk, municipalities: ["TRP"], sectors: ["civil_registry"])
            let issued = try world.directory.issueToken(forStaff: "amina")
            #expect(issued.text.hasPrefix("nfs_") && issued.text.count >= 4 + 43)
            #expect(issued.expiresAt > Date().addingTimeInterval(89 * 86_400))
            let member = try world.directory.authenticate(token: issued.text)
            #expect(member == clerk)
            let row = try world.query("SELECT token_hash, last_used_at FROM staff_tokens")[0]
            #expect(try row.decode("token_hash", as: [UInt8].self) == AccessToken(text: issued.text).hash)
            #expect(try row.decode("last_used_at", as: Date?.self) != nil)
        }
    }

    @Test("a revoked, expired, unknown or malformed token is refused")
    func refusedTokens() throws {
        try StaffTestWorld.with { world in
            try world.staff("amina", .clerk, municipalities: ["TRP"], sectors: ["civil_registry"])
            let revoked = try world.directory.issueToken(forStaff: "amina")
            let expired = try world.directory.issueToken(forStaff: "amina")
            let kept = try world.directory.issueToken(forStaff: "amina")
            #expect(try world.directory.revokeTokens(forStaff: "amina", tokenID: revoked.id) == 1)
            try world.query(
                "UPDATE staff_tokens SET created_at = now() - interval '2 days', expires_at = now() - interval '1 day' WHERE id = $1",
                [expired.id])
            for token in [revoked.text, expired.text, "nfs_" + AccessToken.generate().text, "not-a-token", ""] {
                let error = try #require(throws: NafidhaError.self) { try world.directory.authenticate(token: token) }
                #expect(error.code == .invalidToken)
            }
            #expect(try world.directory.authenticate(token: kept.text).name == "amina")
            #expect(try world.directory.revokeTokens(forStaff: "amina") == 2)
            #expect(throws: NafidhaError.self) { try world.directory.authenticate(token: kept.text) }
        }
    }

    @Test("issuing a token for nobody is not found")
    func tokenForNobody() throws {
        try StaffTestWorld.with { world in
            let error = try #require(throws: NafidhaError.self) { try world.directory.issueToken(forStaff: "ghost") }
            #expect(error.code == .staffNotFound)
        }
    }
}
