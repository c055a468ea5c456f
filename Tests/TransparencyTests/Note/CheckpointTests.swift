import Testing
import Transparency

/// Checkpoints (c2sp.org/tlog-checkpoint) and the origin of a municipality's audit log.
@Suite("Checkpoints")
struct CheckpointTests {
    @Test("reads the specification's example checkpoint text")
    func specificationExample() throws {
        let text = "example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n"
        let checkpoint = try Checkpoint(noteText: text)
        #expect(checkpoint.origin == "example.com/behind-the-sofa")
        #expect(checkpoint.size == 20_852_163)
        #expect(checkpoint.rootHash.base64 == "CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=")
        #expect(checkpoint.extensionLines.isEmpty)
        #expect(checkpoint.noteText == text)
    }

    @Test("writes origin, size, base64 root and extension lines, each ending in a newline, and reads them back")
    func roundTrip() throws {
        let checkpoint = try Checkpoint(
            origin: "nafidha.example/audit/TRP", size: 8, rootHash: RFC6962Vectors.roots[7],
            extensionLines: ["extension one", "two"])
        #expect(
            checkpoint.noteText
                == "nafidha.example/audit/TRP\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\nextension one\ntwo\n")
        #expect(try Checkpoint(noteText: checkpoint.noteText) == checkpoint)
        let empty = try Checkpoint(origin: "nafidha.example/audit/TRP", size: 0, rootHash: .emptyTree)
        #expect(try Checkpoint(noteText: empty.noteText).size == 0)
    }

    @Test(
        "refuses texts that are not checkpoints",
        arguments: [
            "origin\n8\n",
            "origin\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=",
            "\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n",
            "origin\n08\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n",
            "origin\n-8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n",
            "origin\n+8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n",
            "origin\n 8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n",
            "origin\n18446744073709551616\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n",
            "origin\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQ==\n",
            "origin\n8\n5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328\n",
            "origin\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n\n",
            "origin\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n\nextension\n",
        ])
    func malformed(text: String) {
        #expect(throws: NoteError.malformedCheckpoint) { try Checkpoint(noteText: text) }
    }

    @Test("refuses to make a checkpoint with an origin or extension line that could not be read back")
    func refusesToWrite() {
        for origin in ["", "with space", "with+plus", "two\nlines"] {
            #expect(throws: NoteError.malformedCheckpoint) {
                try Checkpoint(origin: origin, size: 1, rootHash: .emptyTree)
            }
        }
        for line in ["", "two\nlines"] {
            #expect(throws: NoteError.malformedCheckpoint) {
                try Checkpoint(origin: "o", size: 1, rootHash: .emptyTree, extensionLines: [line])
            }
        }
    }

    @Test("a signed checkpoint verifies offline: key, tree head, then a leaf's inclusion proof")
    func offlineVerification() throws {
        let origin = try CheckpointOrigin.auditLog(host: "nafidha.example", municipality: "TRP")
        let signer = try NoteSigner(name: origin, privateKey: Ed25519PrivateKey.generate())
        let tree = MerkleTree(source: ArrayLeafSource(entries: RFC6962Vectors.entries))
        let checkpoint = try Checkpoint(origin: origin, size: 7, rootHash: tree.rootHash(size: 7))
        let published = try SignedNote.sign(checkpoint.noteText, with: [signer]).serialized

        // What a bank holds: the verifier key string, the published checkpoint, a leaf and its proof.
        let trusted = try NoteVerifierKey(parsing: signer.verifierKey.encoded)
        let text = try SignedNote(parsing: published).verifiedText(trusting: [trusted])
        let received = try Checkpoint(noteText: text)
        #expect(received.origin == origin && received.size == 7)
        try MerkleVerifier.verifyInclusion(
            leafHash: .leaf(RFC6962Vectors.entries[4]), leafIndex: 4, treeSize: received.size,
            proof: tree.inclusionProof(leafIndex: 4, treeSize: 7), rootHash: received.rootHash)

        let forged = published.replacingOccurrences(of: "\n7\n", with: "\n6\n")
        #expect(throws: NoteError.invalidSignature(keyName: origin)) {
            try SignedNote(parsing: forged).verifiedText(trusting: [trusted])
        }
    }

    /// The worked example of docs/verification.md, signed with RFC 8032's TEST 1 key: the document cannot drift.
    @Test("the worked example of docs/verification.md is what the example key signs, and it verifies")
    func documentedExample() throws {
        let verifierKey = "nafidha.example/audit/TRP+ed0f886d+AddamAGCsQq31Uv+08lkBzoO4XLz2qYjJa8CGmj3B1Ea"
        let note = """
            nafidha.example/audit/TRP
            8
            XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=

            — nafidha.example/audit/TRP 7Q+IbRuIQOfJtFHLS9iXdRB6KnPHxU4WqoU8bhgO58QbAVp2MfATaiHHgfj/zOfxVsdXKyARdhHCd8BOLYX9O0Be+Q8=

            """
        let key = try Ed25519PrivateKey(
            rawRepresentation: TestBytes.hex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"))
        let origin = try CheckpointOrigin.auditLog(host: "nafidha.example", municipality: "TRP")
        let signer = try NoteSigner(name: origin, privateKey: key)
        let checkpoint = try Checkpoint(origin: origin, size: 8, rootHash: RFC6962Vectors.roots[7])
        #expect(signer.verifierKey.encoded == verifierKey)
        #expect(try SignedNote.sign(checkpoint.noteText, with: [signer]).serialized == note)
        let text = try SignedNote(parsing: note).verifiedText(trusting: [NoteVerifierKey(parsing: verifierKey)])
        #expect(try Checkpoint(noteText: text) == checkpoint)
    }

    @Test("the audit log's origin is <host>/audit/<municipality code>")
    func origin() throws {
        #expect(
            try CheckpointOrigin.auditLog(host: "nafidha.example", municipality: "TRP") == "nafidha.example/audit/TRP")
        #expect(
            try CheckpointOrigin.auditLog(host: "a-1.b2.example", municipality: "BEN") == "a-1.b2.example/audit/BEN")
        let refused: [(String, String)] = [
            ("Nafidha.example", "TRP"), ("nafidha.example", "trp"), ("nafidha.example", "TRPX"),
            ("nafidha.example", "TR"), ("", "TRP"), ("nafidha example", "TRP"), ("-bad.example", "TRP"),
            ("bad-.example", "TRP"), ("a..example", "TRP"), ("nafidha.example/", "TRP"),
            ("nafidha.example:8443", "TRP"),
            ("nafidha.example", "TR+"), (String(repeating: "a.", count: 127), "TRP"),
        ]
        for (host, municipality) in refused {
            #expect(throws: NoteError.invalidOrigin, "\(host) \(municipality)") {
                try CheckpointOrigin.auditLog(host: host, municipality: municipality)
            }
        }
    }
}
