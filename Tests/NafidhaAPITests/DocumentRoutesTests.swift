import Foundation
import NafidhaContract
import NafidhaCore
import Postgres
import TestSupport
import Testing
import Transparency

/// Supporting documents over real sockets: `POST /v1/uploads` streams, then a submission names the uploads, and
/// the citizen and a clerk read them back (docs/documents.md).
@Suite("Document routes")
struct DocumentRoutesTests {
    static let pdf = Array("%PDF-1.7\n".utf8) + (0..<300_000).map { UInt8(truncatingIfNeeded: $0 &* 7) }
    static let png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + [UInt8](repeating: 0x42, count: 70_000)

    /// A commercial licence in Benghazi (its catalog requires `national_id_copy` and a PDF `lease_or_deed`).
    static func licence(documents: String) -> [UInt8] {
        Array(
            """
            {"service": "commercial_licence", "municipality": "BEN",
             "applicant": {"name": "Amal Ben Salem", "national_id": "119850123456", "phone": "0912345678"},
             "fields": {"trade_name": "Ben Salem Grocery", "activity": "retail",
                        "premises_location": {"lat": 32.1, "long": 20.07}, "premises_area_m2": 40,
                        "owner_national_id": "119850123456"},
             "documents": \(documents)}
            """.utf8)
    }

    static func upload(_ server: LiveServer, _ bytes: [UInt8], as type: String, name: String? = nil) throws
        -> LiveServer.Response
    {
        var headers = [("Content-Type", type)]
        if let name { headers.append(("Content-Disposition", "attachment; filename*=UTF-8''\(name)")) }
        return try server.send("POST", "/v1/uploads", headers: headers, body: bytes)
    }

    static func uploadID(_ response: LiveServer.Response) throws -> String {
        #expect(response.status == 201, "\(response.text)")
        return try ContractJSON.decode(Documents.Upload.self, from: response.body).uploadID
    }

    @Test("a PDF and a PNG uploaded and named by a submission come back byte for byte, to the citizen and a clerk")
    func roundTrip() throws {
        try StaffTestWorld.with { world in
            try LiveServer.with(world) { server in
                let pdfAnswer = try Self.upload(server, Self.pdf, as: "application/pdf", name: "bail%20sign%C3%A9.pdf")
                let pdfReceipt = try ContractJSON.decode(Documents.Upload.self, from: pdfAnswer.body)
                #expect(pdfReceipt.sha256 == Hex.encode(SHA256.hash(Self.pdf)) && pdfReceipt.size == Self.pdf.count)
                let pngID = try Self.uploadID(try Self.upload(server, Self.png, as: "image/png"))
                let submitted = try server.send(
                    "POST", "/v1/requests", headers: [("Content-Type", "application/json")],
                    body: Self.licence(
                        documents: """
                            [{"type": "national_id_copy", "upload_id": "\(pngID)"},
                             {"type": "lease_or_deed", "upload_id": "\(pdfReceipt.uploadID)"}]
                            """))
                #expect(submitted.status == 201, "\(submitted.text)")
                let receipt = try ContractJSON.decode(Intake.Receipt.self, from: submitted.body)
                let citizen = [("Authorization", "Bearer \(receipt.accessToken)")]

                let listed = try server.get("/v1/requests/\(receipt.trackingNumber)/documents", headers: citizen)
                let list = try ContractJSON.decode(Documents.List.self, from: listed.body)
                #expect(list.documents.map(\.type) == ["lease_or_deed", "national_id_copy"])
                let lease = list.documents[0]
                #expect(lease.sha256 == pdfReceipt.sha256 && lease.mediaType == "application/pdf")

                let download = try server.get(
                    "/v1/requests/\(receipt.trackingNumber)/documents/\(lease.id)", headers: citizen)
                #expect(download.status == 200 && download.body == Self.pdf)
                #expect(download.header("Content-Length") == String(Self.pdf.count))
                #expect(download.header("ETag") == "\"\(lease.sha256)\"")
                #expect(download.header("Content-Type") == "application/pdf")
                #expect(download.header("X-Content-Type-Options") == "nosniff")
                #expect(
                    download.header("Content-Disposition")
                        == "attachment; filename=\"document-\(lease.id).pdf\"; filename*=UTF-8''bail%20sign%C3%A9.pdf")

                // A download cut at 100,000 bytes resumes with Range.
                let rest = try server.get(
                    "/v1/requests/\(receipt.trackingNumber)/documents/\(lease.id)",
                    headers: citizen + [("Range", "bytes=100000-")])
                #expect(rest.status == 206)
                #expect(rest.header("Content-Range") == "bytes 100000-\(Self.pdf.count - 1)/\(Self.pdf.count)")
                #expect(Array(Self.pdf[..<100_000]) + rest.body == Self.pdf)
                let beyond = try server.get(
                    "/v1/requests/\(receipt.trackingNumber)/documents/\(lease.id)",
                    headers: citizen + [("Range", "bytes=900000-")])
                #expect(beyond.status == 416 && beyond.text.contains("range_not_satisfiable"))

                // Wrong token, someone else's document id: the same 404s as tracking.
                let stranger = try server.get(
                    "/v1/requests/\(receipt.trackingNumber)/documents", headers: [("Authorization", "Bearer nope")])
                #expect(stranger.status == 404 && stranger.text.contains("request_not_found"))
                let unknown = try server.get(
                    "/v1/requests/\(receipt.trackingNumber)/documents/999999", headers: citizen)
                #expect(unknown.status == 404 && unknown.text.contains("document_not_found"))

                try world.staff("sara", .supervisor, municipalities: ["BEN"])
                let clerk = [("Authorization", "Bearer " + (try world.directory.issueToken(forStaff: "sara").text))]
                let staffList = try server.get(
                    "/v1/staff/requests/\(receipt.trackingNumber)/documents", headers: clerk)
                #expect(try ContractJSON.decode(Documents.List.self, from: staffList.body) == list)
                let png = try server.get("/v1/staff/documents/\(list.documents[1].id)", headers: clerk)
                #expect(png.status == 200 && png.body == Self.png)
                try world.staff("omar", .supervisor, municipalities: ["TRP"])
                let outsider = [("Authorization", "Bearer " + (try world.directory.issueToken(forStaff: "omar").text))]
                #expect(try server.get("/v1/staff/documents/\(lease.id)", headers: outsider).status == 404)
            }
            _ = try sequenceAudit(world.database)
            let attached = try world.query(
                "SELECT details::text AS details FROM audit_events WHERE action = 'document_attached' ORDER BY id")
            let details = try attached.map { try $0.decode("details", as: String.self) }
            #expect(details.count == 2)
            #expect(details.contains { $0.contains(Hex.encode(SHA256.hash(Self.pdf))) && $0.contains("lease_or_deed") })
            #expect(!details.joined().contains("bail"))
            let viewed = try world.query(
                "SELECT count(*)::int AS n FROM audit_events WHERE action = 'personal_data_viewed'")
            #expect(try viewed[0].decode("n", as: Int.self) == 2)
            let admin = try world.staff("ali", .auditor)
            #expect(try world.services.audit.verify(for: admin, full: true).allSatisfy(\.intact))
        }
    }

    @Test("a missing required document, a PDF-only document given a PNG and a reused upload are 422 by document")
    func submissionRefusals() throws {
        try StaffTestWorld.with { world in
            try LiveServer.with(world) { server in
                let pngID = try Self.uploadID(try Self.upload(server, Self.png, as: "image/png"))
                let missing = try server.send(
                    "POST", "/v1/requests",
                    body: Self.licence(documents: #"[{"type": "national_id_copy", "upload_id": "\#(pngID)"}]"#))
                #expect(missing.status == 422)
                let fields = try #require(try missing.errorObject()["fields"] as? [String: String])
                #expect(fields.keys.sorted() == ["documents.lease_or_deed"])

                let otherPNG = try Self.uploadID(try Self.upload(server, Self.png, as: "image/png"))
                let wrongType = try server.send(
                    "POST", "/v1/requests",
                    body: Self.licence(
                        documents: """
                            [{"type": "national_id_copy", "upload_id": "\(pngID)"},
                             {"type": "lease_or_deed", "upload_id": "\(otherPNG)"}]
                            """))
                #expect(wrongType.status == 422)
                let reasons = try #require(try wrongType.errorObject()["fields"] as? [String: String])
                #expect(reasons.keys.sorted() == ["documents.lease_or_deed"])
                #expect(reasons["documents.lease_or_deed"]?.contains("application/pdf") == true)

                let pdfID = try Self.uploadID(try Self.upload(server, Self.pdf, as: "application/pdf"))
                let documents = """
                    [{"type": "national_id_copy", "upload_id": "\(pngID)"},
                     {"type": "lease_or_deed", "upload_id": "\(pdfID)"}]
                    """
                #expect(try server.send("POST", "/v1/requests", body: Self.licence(documents: documents)).status == 201)
                let reused = try server.send("POST", "/v1/requests", body: Self.licence(documents: documents))
                #expect(reused.status == 422)
                let used = try #require(try reused.errorObject()["fields"] as? [String: String])
                #expect(used.keys.sorted() == ["documents.lease_or_deed", "documents.national_id_copy"])

                let tooMany = (0..<50).map { _ in #"{"type": "national_id_copy", "upload_id": "\#(pngID)"}"# }
                let flood = try server.send(
                    "POST", "/v1/requests", body: Self.licence(documents: "[" + tooMany.joined(separator: ",") + "]"))
                #expect(flood.status == 422)
                #expect((try flood.errorObject()["fields"] as? [String: String])?.keys.sorted() == ["documents"])
            }
            let requests = try world.query("SELECT count(*)::int AS n FROM requests")
            #expect(try requests[0].decode("n", as: Int.self) == 1)
        }
    }

    @Test("bad uploads are refused with stable codes and leave no row and no bytes behind")
    func badUploads() throws {
        try StaffTestWorld.with { world in
            try LiveServer.with(world) { server in
                let pngAsPDF = try Self.upload(server, Self.png, as: "application/pdf")
                #expect(pngAsPDF.status == 415 && pngAsPDF.text.contains("unsupported_media_type"))
                let html = try Self.upload(server, Array("<html><script>x</script></html>".utf8), as: "text/html")
                #expect(html.status == 415)
                let svg = try Self.upload(
                    server, Array("<svg xmlns='http://www.w3.org/2000/svg'/>".utf8), as: "image/svg+xml")
                #expect(svg.status == 415)
                let empty = try Self.upload(server, [], as: "application/pdf")
                #expect(empty.status == 400 && empty.text.contains("empty_file"))
                for name in ["..%2F..%2Fetc%2Fpasswd", "a%0Ab.pdf", String(repeating: "a", count: 10_000)] {
                    let refused = try Self.upload(server, Self.pdf, as: "application/pdf", name: name)
                    #expect(refused.status == 400 && refused.text.contains("invalid_file_name"), "\(name.prefix(20))")
                }
                let declared = try server.send(
                    "POST", "/v1/uploads",
                    headers: [("Content-Type", "application/pdf"), ("Content-Length", String(21 << 20))])
                #expect(declared.status == 413 && declared.text.contains("body_too_large"))
            }
            let rows = try world.query(
                """
                SELECT (SELECT count(*) FROM uploads)::int AS uploads,
                       (SELECT count(*) FROM pg_largeobject_metadata)::int AS objects
                """)
            #expect(try rows[0].decode("uploads", as: Int.self) == 0)
            #expect(try rows[0].decode("objects", as: Int.self) == 0)
        }
    }

    @Test("an upload whose body breaks off after a first piece was written leaves no row and no bytes")
    func truncatedUpload() throws {
        struct Cut: Error {}
        try StaffTestWorld.with { world in
            var sent = 0
            #expect(throws: Cut.self) {
                try world.services.uploads.store(contentType: "application/pdf", contentDisposition: nil) {
                    sent += 1
                    // Two pieces of 600 KiB, more than one write to the database, then the client is gone.
                    guard sent <= 2 else { throw Cut() }
                    return sent == 1
                        ? Self.pdf + [UInt8](repeating: 1, count: 300_000) : [UInt8](repeating: 2, count: 600_000)
                }
            }
            let rows = try world.query(
                """
                SELECT (SELECT count(*) FROM uploads)::int AS uploads,
                       (SELECT count(*) FROM pg_largeobject_metadata)::int AS objects
                """)
            #expect(try rows[0].decode("uploads", as: Int.self) == 0)
            #expect(try rows[0].decode("objects", as: Int.self) == 0)
        }
    }

    @Test("the clean-up removes expired unattached uploads and orphaned bytes, and keeps attached documents")
    func sweep() throws {
        try StaffTestWorld.with { world in
            let uploads = world.services.uploads
            var pieces = [Self.pdf]
            let kept = try uploads.store(contentType: "application/pdf", contentDisposition: nil) {
                pieces.popLast()
            }
            pieces = [Self.png]
            _ = try uploads.store(contentType: "image/png", contentDisposition: nil) { pieces.popLast() }
            try world.query(
                "UPDATE uploads SET expires_at = now() - interval '1 second' WHERE media_type = 'image/png'")
            try world.pool.withConnection { connection in
                try connection.withTransaction { _ = try $0.createLargeObject() }
            }
            let result = try #require(try world.services.uploadSweep.run())
            #expect(result.uploads == 1 && result.orphans == 1)
            let rows = try world.query(
                """
                SELECT (SELECT count(*) FROM uploads)::int AS uploads,
                       (SELECT count(*) FROM pg_largeobject_metadata)::int AS objects
                """)
            #expect(try rows[0].decode("uploads", as: Int.self) == 1)
            #expect(try rows[0].decode("objects", as: Int.self) == 1)
            #expect(!kept.uploadID.isEmpty)
        }
    }
}

extension LiveServer.Response {
    /// The `error` object of a JSON error body.
    func errorObject() throws -> [String: Any] {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(body)) as? [String: Any])
        return try #require(object["error"] as? [String: Any])
    }
}

/// Documents handed in with a reply to a request for information.
@Suite("Reply documents")
struct ReplyDocumentsTests {
    @Test("a reply attaches its uploads as the service's documents; an unavailable one refuses the whole reply")
    func replyAttaches() throws {
        try StaffTestWorld.with { world in
            let permit = """
                {"service": "building_permit", "municipality": "BEN",
                 "applicant": {"name": "Amal Ben Salem", "national_id": "119850123456", "phone": "0912345678"},
                 "fields": {"parcel_location": {"lat": 32.1, "long": 20.07}, "parcel_number": "P-1/2",
                            "building_use": "residential", "works": ["new_building"], "floors": 2,
                            "floor_area_m2": 240}}
                """
            let receipt = try world.services.submissions.submit(
                Submission(body: try ContractJSON.decode(JSONValue.self, from: Array(permit.utf8))), channel: .api,
                idempotencyKey: nil
            ).receipt
            let task: Int64 = try world.query(
                """
                SELECT t.id FROM tasks t JOIN requests r ON r.id = t.request_id
                 WHERE r.tracking_number = $1 AND t.sector_code = 'urban_planning'
                """, [receipt.trackingNumber])[0].decode("id")
            let clerk = try world.staff("amal.t", .clerk, municipalities: ["BEN"], sectors: ["urban_planning"])
            _ = try world.engine.claim(task: task, by: clerk)
            _ = try world.engine.requestInformation(task: task, by: clerk, message: "Please send the site plan.")
            let citizen = try world.services.tracking.authenticate(
                tracking: receipt.trackingNumber, token: receipt.accessToken)
            var pieces = [DocumentRoutesTests.pdf]
            let plan = try world.services.uploads.store(contentType: "application/pdf", contentDisposition: nil) {
                pieces.popLast()
            }
            // Another id: its first character changed (to one it is not: "x" one time in 64).
            let other = (plan.uploadID.hasPrefix("x") ? "y" : "x") + plan.uploadID.dropFirst()
            let refused = #expect(throws: NafidhaError.self) {
                try world.engine.reply(
                    for: citizen, message: "Plan attached.",
                    documents: [Documents.Reference(type: "site_plan", uploadID: other)])
            }
            #expect(refused?.fields == ["documents.site_plan": FieldReason.uploadUnavailable.text])
            let status = try world.engine.reply(
                for: citizen, message: "Plan attached.",
                documents: [Documents.Reference(type: "site_plan", uploadID: plan.uploadID)])
            #expect(status == .inReview)
            let list = try world.services.documents.list(for: citizen)
            #expect(list.documents.map(\.type) == ["site_plan"] && list.documents[0].sha256 == plan.sha256)
            let events = try world.query(
                "SELECT count(*)::int AS n FROM audit_events WHERE action = 'document_attached'")
            #expect(try events[0].decode("n", as: Int.self) == 1)
        }
    }
}
