/// Why the embedded PostgreSQL cluster could not be prepared, started or stopped.
public struct EmbeddedPostgresError: Error, Sendable, CustomStringConvertible {
    private enum Reason: Sendable {
        case binariesNotFound(searched: [String])
        case noCluster(String)
        case clusterBusy(String)
        case unsupportedPath(String)
        case socketPathTooLong(path: String, limit: Int)
        case notADirectory(String)
        case ownedBySomeoneElse(path: String, owner: String, expected: String)
        case notTraversable(directory: String, user: String)
        case unknownUser(String)
        case fileSystem(path: String, message: String)
        case commandFailed(command: String, status: Int32, detail: String)
    }

    private let reason: Reason

    private init(_ reason: Reason) {
        self.reason = reason
    }

    static func binariesNotFound(searched: [String]) -> Self { Self(.binariesNotFound(searched: searched)) }
    static func unsupportedPath(_ path: String) -> Self { Self(.unsupportedPath(path)) }
    static func noCluster(_ path: String) -> Self { Self(.noCluster(path)) }
    static func clusterBusy(_ path: String) -> Self { Self(.clusterBusy(path)) }
    static func socketPathTooLong(path: String, limit: Int) -> Self {
        Self(.socketPathTooLong(path: path, limit: limit))
    }
    static func notADirectory(_ path: String) -> Self { Self(.notADirectory(path)) }
    static func ownedBySomeoneElse(path: String, owner: String, expected: String) -> Self {
        Self(.ownedBySomeoneElse(path: path, owner: owner, expected: expected))
    }
    static func notTraversable(directory: String, user: String) -> Self {
        Self(.notTraversable(directory: directory, user: user))
    }
    static func unknownUser(_ name: String) -> Self { Self(.unknownUser(name)) }
    static func fileSystem(path: String, message: String) -> Self { Self(.fileSystem(path: path, message: message)) }
    static func commandFailed(command: String, status: Int32, detail: String) -> Self {
        Self(.commandFailed(command: command, status: status, detail: detail))
    }

    /// A stable identifier of the kind of failure, for callers and tests.
    public var code: String {
        switch reason {
        case .binariesNotFound: "binaries_not_found"
        case .noCluster: "no_cluster"
        case .clusterBusy: "cluster_busy"
        case .unsupportedPath: "unsupported_path"
        case .socketPathTooLong: "socket_path_too_long"
        case .notADirectory: "not_a_directory"
        case .ownedBySomeoneElse: "owned_by_someone_else"
        case .notTraversable: "not_traversable"
        case .unknownUser: "unknown_user"
        case .fileSystem: "file_system"
        case .commandFailed: "command_failed"
        }
    }

    /// One line saying what went wrong and, where we know it, what to do.
    public var description: String {
        switch reason {
        case .binariesNotFound(let searched):
            "PostgreSQL server binaries not found (looked in: \(searched.joined(separator: ", "))); "
                + "install the Debian package 'postgresql' or pass --database-url"
        case .noCluster(let path):
            "no database cluster in '\(path)', and this command creates none; start 'nafidha serve' there first, "
                + "or point at a database with --database-url"
        case .clusterBusy(let path):
            "another nafidha is stopping the database in '\(path)'; try again in a moment"
        case .unsupportedPath(let path):
            "the data folder '\(path)' contains a quote, backslash, dollar or newline, which pg_ctl cannot pass on; "
                + "choose another --data-dir"
        case .socketPathTooLong(let path, let limit):
            "the database socket path '\(path)' is \(path.utf8.count) bytes, over the Unix limit of \(limit); "
                + "choose a shorter --data-dir"
        case .notADirectory(let path):
            "the data folder '\(path)' exists and is not a directory"
        case .ownedBySomeoneElse(let path, let owner, let expected):
            "the data folder '\(path)' belongs to '\(owner)', not to '\(expected)' who runs the database; "
                + "choose another --data-dir or change its owner"
        case .notTraversable(let directory, let user):
            "the OS user '\(user)' who runs the database cannot enter '\(directory)'; "
                + "choose a --data-dir under a directory '\(user)' can reach (such as /var/lib/nafidha) "
                + "or run: chmod o+x '\(directory)'"
        case .unknownUser(let name):
            "the OS user '\(name)' that must run PostgreSQL when Nafidha runs as root does not exist; "
                + "install the Debian package 'postgresql'"
        case .fileSystem(let path, let message):
            "cannot prepare the data folder '\(path)': \(message)"
        case .commandFailed(let command, let status, let detail):
            "\(command) failed (exit status \(status))" + (detail.isEmpty ? "" : ": \(detail)")
        }
    }
}
