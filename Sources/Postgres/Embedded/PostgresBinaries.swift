import Foundation

/// The folder holding `initdb`, `pg_ctl` and `createdb`, found on this machine.
public struct PostgresBinaries: Sendable {
    /// Where to look: `pg_config --bindir` first, then the newest `<installationRoot>/<version>/bin`.
    public struct SearchPath: Sendable {
        /// The `pg_config` program (a name looked up on PATH, or a path), or nil to skip it. Default `pg_config`.
        public var pgConfig: String? = "pg_config"
        /// The folder holding one subfolder per installed major version (Debian's layout).
        /// Default `/usr/lib/postgresql`.
        public var installationRoot: String = "/usr/lib/postgresql"

        /// Creates a search path; the defaults suit Debian and Ubuntu.
        public init(pgConfig: String? = "pg_config", installationRoot: String = "/usr/lib/postgresql") {
            self.pgConfig = pgConfig
            self.installationRoot = installationRoot
        }
    }

    /// The folder holding the binaries.
    public let directory: String

    /// Finds the binaries or says how to install them.
    public static func locate(
        _ search: SearchPath, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(EmbeddedPostgresError) -> PostgresBinaries {
        var searched: [String] = []
        if let pgConfig = search.pgConfig, let program = ChildProcess.findProgram(pgConfig, environment: environment) {
            searched.append("\(program) --bindir")
            if let result = try? ChildProcess.run(program, ["--bindir"]), result.status == 0 {
                let directory = result.output.trimmingCharacters(in: .whitespacesAndNewlines)
                if hasServerBinaries(directory) { return PostgresBinaries(directory: directory) }
            }
        }
        searched.append("\(search.installationRoot)/*/bin")
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: search.installationRoot)) ?? []
        let newestFirst = versions.sorted { $0.compare($1, options: .numeric) == .orderedDescending }
        for version in newestFirst {
            let directory = "\(search.installationRoot)/\(version)/bin"
            if hasServerBinaries(directory) { return PostgresBinaries(directory: directory) }
        }
        throw .binariesNotFound(searched: searched)
    }

    /// The full path of the program `name` in this folder.
    func path(of name: String) -> String {
        "\(directory)/\(name)"
    }

    private static func hasServerBinaries(_ directory: String) -> Bool {
        ["initdb", "pg_ctl", "createdb"].allSatisfy {
            FileManager.default.isExecutableFile(atPath: "\(directory)/\($0)")
        }
    }
}
