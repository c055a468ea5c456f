import ArgumentParsing
import Foundation
import Transparency

#if canImport(Glibc)
    import Glibc
#endif

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

    /// Writes the file readable by its owner only: the folder made or narrowed to 0700, the file created 0600 under a
    /// temporary name and renamed over the old one (`SecretFile`), so an older file with wider modes is replaced, not
    /// reused, and a reader never sees a half-written one.
    func write(to path: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        try Self.privateFolder(folder)
        do {
            try SecretFile.write(Array("url=\(url)\ntoken=\(token)\n".utf8), to: path, replacingExisting: true)
        } catch let error as SecretFileError {
            throw CommandFailure("cannot store the credentials in \(path): \(error)")
        }
    }

    /// Creates `folder` (and its missing parents) 0700, or narrows an existing one to 0700, after checking that it is
    /// a folder of ours and not a symbolic link: others must not even list what it holds.
    private static func privateFolder(_ folder: String) throws {
        let parent = (folder as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(
                atPath: parent, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw CommandFailure("cannot create \(parent): \(error.localizedDescription)")
        }
        if mkdir(folder, 0o700) != 0 && errno != EEXIST {
            throw CommandFailure("cannot create \(folder): \(String(cString: strerror(errno)))")
        }
        let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw CommandFailure("cannot use \(folder) for the credentials: \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_uid == geteuid() else {
            throw CommandFailure("\(folder) belongs to another user; the credentials are not stored there")
        }
        guard info.st_mode & 0o777 == 0o700 || fchmod(descriptor, 0o700) == 0 else {
            throw CommandFailure("cannot make \(folder) private (0700): \(String(cString: strerror(errno)))")
        }
    }
}
