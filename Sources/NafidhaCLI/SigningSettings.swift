import Foundation
import NafidhaCore
import Transparency

/// What `nafidha serve` signs with (docs/verification.md, "Operating"): the key of `NAFIDHA_SIGNING_KEY_FILE`, the
/// origin host of `NAFIDHA_PUBLIC_HOST` (default `localhost`), and the checkpointer's interval
/// `NAFIDHA_CHECKPOINT_INTERVAL_SECONDS` (1 to 60, default 60). Without a key file, nothing is signed.
struct SigningSettings {
    /// The signer, nil without `NAFIDHA_SIGNING_KEY_FILE`.
    var signer: LogSigner?
    /// The checkpointer thread's settings.
    var checkpointer = AuditCheckpointerThread.Settings()

    static let keyFileVariable = "NAFIDHA_SIGNING_KEY_FILE"
    static let hostVariable = "NAFIDHA_PUBLIC_HOST"
    static let intervalVariable = "NAFIDHA_CHECKPOINT_INTERVAL_SECONDS"
    /// The origin host when `NAFIDHA_PUBLIC_HOST` is unset.
    static let defaultHost = "localhost"

    /// The settings `environment` names; a key file that cannot be read or is not an Ed25519 key, a host that is
    /// not a lower-case DNS name, or an interval out of range is an error naming the variable.
    static func resolve(environment: [String: String], currentDirectory: String) throws -> SigningSettings {
        var settings = SigningSettings()
        if let text = environment[intervalVariable], !text.isEmpty {
            guard let seconds = Int(text), (1...60).contains(seconds) else {
                throw CommandFailure("\(intervalVariable) must be a whole number from 1 to 60, not '\(text)'")
            }
            settings.checkpointer.interval = .seconds(seconds)
        }
        guard let file = environment[keyFileVariable], !file.isEmpty else { return settings }
        let path = InstantArgument.absolutePath(file, in: currentDirectory)
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw CommandFailure("\(keyFileVariable): cannot read \(path)")
        }
        defer { try? handle.close() }
        let pem = String(
            decoding: (try? handle.read(upToCount: Ed25519PrivateKey.maximumPEMSize + 1)) ?? Data(),
            as: UTF8.self)
        let key: Ed25519PrivateKey
        do {
            key = try Ed25519PrivateKey(pem: pem)
        } catch {
            throw CommandFailure("\(keyFileVariable): \(path) is not an Ed25519 private key (\(error))")
        }
        let host = environment[hostVariable].flatMap { $0.isEmpty ? nil : $0 } ?? defaultHost
        do {
            settings.signer = try LogSigner(privateKey: key, host: host)
        } catch {
            throw CommandFailure("\(hostVariable) must be a lower-case DNS name without port or scheme, not '\(host)'")
        }
        return settings
    }
}
