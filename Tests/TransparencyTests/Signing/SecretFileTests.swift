import Foundation
import Testing
import Transparency

/// `SecretFile` creates key files readable by their owner only, whole or not at all, and never replaces one
/// unless asked.
@Suite("Secret files")
struct SecretFileTests {
    /// A fresh directory, removed afterwards.
    func withDirectory(_ body: (String) throws -> Void) throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("nafidha-secret-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: false)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try body(directory)
    }

    func mode(of path: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return (attributes[.posixPermissions] as! NSNumber).intValue
    }

    func contents(of path: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    /// The process's umask is left alone: tests run in parallel, and child processes (initdb) inherit it.
    @Test("writes the bytes with mode 0600 and leaves no temporary file")
    func writesOwnerOnlyFile() throws {
        try withDirectory { directory in
            let path = "\(directory)/audit-key.pem"
            try SecretFile.write(Array("secret\n".utf8), to: path)
            #expect(try mode(of: path) == 0o600)
            #expect(try contents(of: path) == Array("secret\n".utf8))
            #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["audit-key.pem"])
        }
    }

    @Test("refuses to replace an existing file, which keeps its content, unless asked to")
    func refusesToReplace() throws {
        try withDirectory { directory in
            let path = "\(directory)/audit-key.pem"
            try SecretFile.write([1, 2, 3], to: path)
            let error = #expect(throws: SecretFileError.self) { try SecretFile.write([4, 5, 6], to: path) }
            #expect(error?.errno == EEXIST && error?.operation == "link")
            #expect(try contents(of: path) == [1, 2, 3])
            #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["audit-key.pem"])
            try SecretFile.write([4, 5, 6], to: path, replacingExisting: true)
            #expect(try contents(of: path) == [4, 5, 6])
            #expect(try mode(of: path) == 0o600)
        }
    }

    @Test("names the failed call and path when the directory does not exist")
    func missingDirectory() throws {
        try withDirectory { directory in
            let path = "\(directory)/missing/audit-key.pem"
            let error = #expect(throws: SecretFileError.self) { try SecretFile.write([1], to: path) }
            #expect(error?.operation == "open" && error?.errno == ENOENT)
            #expect(error?.path.hasPrefix("\(directory)/missing/") == true)
        }
    }

    @Test("a PEM key written as a secret file reads back as the same key")
    func keyFileRoundTrip() throws {
        try withDirectory { directory in
            let key = try Ed25519PrivateKey.generate()
            let path = "\(directory)/audit-key.pem"
            try SecretFile.write(Array(try key.pemEncoded().utf8), to: path)
            let read = try Ed25519PrivateKey(pem: String(decoding: try contents(of: path), as: UTF8.self))
            #expect(read.publicKey == key.publicKey)
        }
    }
}
