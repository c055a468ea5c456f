import Foundation
import NafidhaContract
import NafidhaCore
import TestSupport
import Testing
import Transparency

/// `nafidha documents TRACKING` and `nafidha download DOCUMENT_ID`, in-process against the real API.
@Suite("Clerk CLI: documents and download")
struct DocumentCommandsTests {
    @Test("documents lists a request's documents; download writes the bytes 0600 and checks their SHA-256")
    func documentsAndDownload() throws {
        try StaffTestWorld.with { world in
            let bytes = Array("%PDF-1.4\n".utf8) + [UInt8](repeating: 0x25, count: 50_000)
            var pieces = [bytes]
            let lease = try world.services.uploads.store(contentType: "application/pdf", contentDisposition: nil) {
                pieces.popLast()
            }
            pieces = [[0xFF, 0xD8, 0xFF, 0xE0] + [UInt8](repeating: 1, count: 1000)]
            let card = try world.services.uploads.store(contentType: "image/jpeg", contentDisposition: nil) {
                pieces.popLast()
            }
            let body = """
                {"service": "commercial_licence", "municipality": "BEN",
                 "applicant": {"name": "Amal Ben Salem", "national_id": "119850123456", "phone": "0912345678"},
                 "fields": {"trade_name": "Ben Salem Grocery", "activity": "retail",
                            "premises_location": {"lat": 32.1, "long": 20.07}, "premises_area_m2": 40,
                            "owner_national_id": "119850123456"},
                 "documents": [{"type": "lease_or_deed", "upload_id": "\(lease.uploadID)"},
                               {"type": "national_id_copy", "upload_id": "\(card.uploadID)"}]}
                """
            let submission = Submission(body: try ContractJSON.decode(JSONValue.self, from: Array(body.utf8)))
            let tracking = try world.services.submissions.submit(submission, channel: .api, idempotencyKey: nil)
                .receipt.trackingNumber
            try world.staff("sara", .supervisor, municipalities: ["BEN"])
            let token = try world.directory.issueToken(forStaff: "sara").text
            let folder = try TemporaryFolder()
            defer { folder.remove() }
            try RecordingServer.with(world) { server in
                let session = server.session(token)
                let listed = runNafidha(["documents", tracking], environment: session)
                #expect(listed.code == 0, "\(listed.error)")
                #expect(listed.output.hasPrefix("DOCUMENT") && listed.output.contains(lease.sha256))
                let json = runNafidha(["documents", tracking, "--json"], environment: session)
                let list = try ContractJSON.decode(Documents.List.self, from: Array(json.output.utf8))
                #expect(list.documents.map(\.type) == ["lease_or_deed", "national_id_copy"])

                let path = folder.path + "/lease.pdf"
                let download = runNafidha(
                    ["download", String(list.documents[0].id), "--output", path], environment: session)
                #expect(download.code == 0, "\(download.error)")
                #expect(download.output.contains(lease.sha256))
                #expect(FileManager.default.contents(atPath: path).map { Array($0) } == bytes)
                let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
                #expect(mode == 0o600)

                let missing = runNafidha(["download", "999999", "--output", folder.path + "/x"], environment: session)
                #expect(missing.code == 1 && missing.error.contains("(document_not_found)"))
                #expect(!FileManager.default.fileExists(atPath: folder.path + "/x"))
                let bad = runNafidha(["download", "abc"], environment: session)
                #expect(bad.code == 64)
            }
        }
    }
}
