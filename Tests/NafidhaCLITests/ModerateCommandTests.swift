import Foundation
import TestSupport
import Testing

/// `nafidha moderate` against a running server (docs/open311.md, "Moderation").
@Suite("nafidha moderate")
struct ModerateCommandTests {
    @Test("a clerk redacts a description; the server keeps the reason, and bad usage exits 64")
    func redactsDescription() throws {
        try ClerkEndToEndTests.withServer { world, url in
            let clerk = try ClerkEndToEndTests.session(
                world, url: url,
                ["--name", "amina", "--role", "clerk", "--municipality", "BEN", "--sector", "civil_registry"])
            let request = try world.request(in: "BEN", tasks: [.init(sector: "civil_registry")])
            try world.query(
                "UPDATE requests SET description = 'Call 0912345678', description_moderation = 'held' WHERE id = $1",
                [request.requestID])
            let run = try ClerkEndToEndTests.nafidha(
                [
                    "moderate", request.trackingNumber, "--description", "--redact", "Call the reporter",
                    "--reason", "A phone number", "--json",
                ], environment: clerk)
            #expect(run.code == 0, "\(run.error)")
            #expect(try run.json()["state"] as? String == "redacted")
            let stored = try world.query(
                """
                SELECT r.description_moderation, r.description_redacted, m.reason, m.staff
                  FROM requests r JOIN request_moderations m ON m.request_id = r.id WHERE r.id = $1
                """, [request.requestID])
            #expect(try stored[0].decode("description_redacted", as: String?.self) == "Call the reporter")
            #expect(try stored[0].decode("reason", as: String.self) == "A phone number")
            #expect(try stored[0].decode("staff", as: String.self) == "amina")

            let plain = try ClerkEndToEndTests.nafidha(
                ["moderate", request.trackingNumber, "--description", "--release", "--reason", "Checked"],
                environment: clerk)
            #expect(plain.code == 0 && plain.output.contains("is now public"), "\(plain.error)")
            let missingNote = try ClerkEndToEndTests.nafidha(
                ["moderate", request.trackingNumber, "--note", "999", "--hide", "--reason", "x"], environment: clerk)
            #expect(missingNote.code == 1 && missingNote.error.contains("note_not_found"), "\(missingNote.error)")
            for usage in [
                ["moderate", request.trackingNumber, "--description", "--hide", "--release", "--reason", "x"],
                ["moderate", request.trackingNumber, "--description", "--hide"],
                ["moderate", request.trackingNumber, "--hide", "--reason", "x"],
            ] {
                let refused = try ClerkEndToEndTests.nafidha(usage, environment: clerk)
                #expect(refused.code == 64 && refused.error.hasPrefix("Error: "), "\(usage): \(refused.error)")
            }
        }
    }
}
