import Foundation
import Testing
import Transparency

@testable import NafidhaCLI

@Suite("serve's signing settings from the environment")
struct SigningSettingsTests {
    /// A key file written as keygen writes it, in `folder`.
    static func keyFile(in folder: TemporaryFolder) throws -> String {
        let path = folder.path + "/signing.pem"
        try SecretFile.write(Array(try Ed25519PrivateKey.generate().pemEncoded().utf8), to: path)
        return path
    }

    /// The message of the `CommandFailure` resolving `environment` throws, or nil.
    static func failure(_ environment: [String: String]) -> String? {
        do {
            _ = try SigningSettings.resolve(environment: environment, currentDirectory: "/")
            return nil
        } catch {
            return "\(error)"
        }
    }

    @Test("without a key file nothing is signed; the interval defaults to 60 s")
    func defaults() throws {
        let settings = try SigningSettings.resolve(environment: [:], currentDirectory: "/")
        #expect(settings.signer == nil)
        #expect(settings.checkpointer.interval == .seconds(60))
    }

    @Test("a key file signs under NAFIDHA_PUBLIC_HOST, localhost by default, every NAFIDHA_CHECKPOINT_INTERVAL_SECONDS")
    func keyFile() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = try Self.keyFile(in: folder)
        let plain = try SigningSettings.resolve(
            environment: ["NAFIDHA_SIGNING_KEY_FILE": "signing.pem"], currentDirectory: folder.path)
        #expect(plain.signer?.host == "localhost")
        let set = try SigningSettings.resolve(
            environment: [
                "NAFIDHA_SIGNING_KEY_FILE": path, "NAFIDHA_PUBLIC_HOST": "nafidha.example",
                "NAFIDHA_CHECKPOINT_INTERVAL_SECONDS": "5",
            ],
            currentDirectory: "/")
        #expect(set.signer?.host == "nafidha.example")
        #expect(set.signer?.publicKey == plain.signer?.publicKey)
        #expect(set.checkpointer.interval == .seconds(5))
    }

    @Test("a bad key file, host or interval is an error naming its variable")
    func refusals() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let key = try Self.keyFile(in: folder)
        try "not a key\n".write(toFile: folder.path + "/garbage.pem", atomically: true, encoding: .utf8)
        let cases: [([String: String], String)] = [
            (["NAFIDHA_SIGNING_KEY_FILE": folder.path + "/missing.pem"], "NAFIDHA_SIGNING_KEY_FILE: cannot read"),
            (["NAFIDHA_SIGNING_KEY_FILE": folder.path + "/garbage.pem"], "is not an Ed25519 private key"),
            (["NAFIDHA_SIGNING_KEY_FILE": key, "NAFIDHA_PUBLIC_HOST": "Nafidha.example"], "NAFIDHA_PUBLIC_HOST"),
            (["NAFIDHA_SIGNING_KEY_FILE": key, "NAFIDHA_PUBLIC_HOST": "host:8080"], "NAFIDHA_PUBLIC_HOST"),
            (["NAFIDHA_CHECKPOINT_INTERVAL_SECONDS": "0"], "NAFIDHA_CHECKPOINT_INTERVAL_SECONDS"),
            (["NAFIDHA_CHECKPOINT_INTERVAL_SECONDS": "61"], "NAFIDHA_CHECKPOINT_INTERVAL_SECONDS"),
            (["NAFIDHA_CHECKPOINT_INTERVAL_SECONDS": "1m"], "NAFIDHA_CHECKPOINT_INTERVAL_SECONDS"),
        ]
        for (environment, expected) in cases {
            let message = Self.failure(environment)
            #expect(message?.contains(expected) == true, "\(environment): \(message ?? "accepted")")
        }
    }
}
