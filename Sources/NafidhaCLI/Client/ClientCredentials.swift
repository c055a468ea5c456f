import ArgumentParsing
import Foundation

/// Where a clerk command finds the server and its token: `NAFIDHA_URL` and `NAFIDHA_TOKEN`, else the file
/// `nafidha login` wrote (`$XDG_CONFIG_HOME/nafidha/credentials`, default `~/.config/nafidha/credentials`, 0600).
struct ClientCredentials: Equatable {
    var url: String
    var token: String

    static let urlVariable = "NAFIDHA_URL"
    static let tokenVariable = "NAFIDHA_TOKEN"

    /// The credentials file for `environment`, or nil without a home folder.
    static func file(environment: [String: String]) -> String? {
        if let config = environment["XDG_CONFIG_HOME"], config.hasPrefix("/") {
            return config + "/nafidha/credentials"
        }
        guard let home = environment["HOME"], home.hasPrefix("/") else { return nil }
        return home + "/.config/nafidha/credentials"
    }

    /// The environment's credentials, each variable overriding the stored file's value.
    static func resolve(context: CommandContext) throws(ClientFailure) -> ClientCredentials {
        let stored = file(environment: context.environment).flatMap(read)
        let url = context.environment[urlVariable].flatMap { $0.isEmpty ? nil : $0 } ?? stored?.url
        let token = context.environment[tokenVariable].flatMap { $0.isEmpty ? nil : $0 } ?? stored?.token
        guard let url, let token else {
            throw .notConfigured(
                "no server configured: set NAFIDHA_URL and NAFIDHA_TOKEN, or run 'nafidha login --url URL'")
        }
        return ClientCredentials(url: url, token: token)
    }

    /// Reads `url=` and `token=` lines.
    static func read(_ path: String) -> ClientCredentials? {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        var values: [String: String] = [:]
        for line in text.split(separator: "\n") {
            guard let equals = line.firstIndex(of: "=") else { continue }
            values[String(line[..<equals])] = String(line[line.index(after: equals)...])
        }
        guard let url = values["url"], let token = values["token"] else { return nil }
        return ClientCredentials(url: url, token: token)
    }

    /// Writes the file readable by its owner only (folder 0700, file 0600), replacing it atomically.
    func write(to path: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(
            atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let temporary = path + ".tmp"
        guard
            FileManager.default.createFile(
                atPath: temporary, contents: Data("url=\(url)\ntoken=\(token)\n".utf8),
                attributes: [.posixPermissions: 0o600])
        else {
            throw CommandFailure("cannot write the credentials to \(temporary)")
        }
        // rename(2) replaces the old file in one step, so a reader never sees a half-written one.
        guard rename(temporary, path) == 0 else {
            throw CommandFailure("cannot store the credentials in \(path): \(String(cString: strerror(errno)))")
        }
    }
}
