import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Runs a program to completion with an argument array (never a shell string) and collects its output.
///
/// Callers run on threads they own (the CLI's main thread): waiting for a child blocks the calling thread.
enum ChildProcess {
    /// A finished program's exit status and its standard output and error, interleaved.
    struct Result {
        let status: Int32
        let output: String
    }

    /// Where `runuser` lives on Debian; it runs the PostgreSQL programs as the `postgres` user when we are root.
    static let runuserCandidates = ["/usr/sbin/runuser", "/sbin/runuser", "/usr/bin/runuser"]

    /// Runs `program` with `arguments`, as `user` when given (through `runuser`), from the root directory so a
    /// private current directory does not trouble a program running as another user.
    static func run(_ program: String, _ arguments: [String], as user: String? = nil) throws(EmbeddedPostgresError)
        -> Result
    {
        var executable = program
        var fullArguments = arguments
        if let user {
            guard let runuser = runuserCandidates.first(where: FileManager.default.isExecutableFile(atPath:)) else {
                throw .fileSystem(path: runuserCandidates[0], message: "runuser not found (Debian package util-linux)")
            }
            executable = runuser
            fullArguments = ["-u", user, "--", program] + arguments
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = fullArguments
        process.currentDirectoryURL = URL(fileURLWithPath: "/")
        var environment = ProcessInfo.processInfo.environment
        // Messages we show or inspect stay in English whatever the operator's locale (initdb gets its locale
        // from an explicit --locale, not from the environment).
        environment["LC_ALL"] = "C"
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw .commandFailed(command: (program as NSString).lastPathComponent, status: -1, detail: "\(error)")
        }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        return Result(status: exitStatus(of: process), output: String(decoding: data, as: UTF8.self))
    }

    /// Waits for the child to end and returns its exit status (128 + the signal number when killed).
    ///
    /// Foundation's `waitUntilExit()` on Linux learns of the exit when a socket it leaves open in the child closes;
    /// `pg_ctl start` passes that socket on to the daemonised server, so it would wait for the server to stop
    /// (swift-corelibs-foundation issue 4795). `waitid(WNOWAIT)` watches the child itself and leaves reaping to
    /// Foundation; if Foundation has already reaped it, its own status is then final.
    private static func exitStatus(of process: Process) -> Int32 {
        var info = siginfo_t()
        var result: Int32
        repeat {
            result = waitid(P_PID, id_t(process.processIdentifier), &info, WEXITED | WNOWAIT)
        } while result == -1 && errno == EINTR
        guard result == 0 else {
            process.waitUntilExit()
            return process.terminationStatus
        }
        let status = info._sifields._sigchld.si_status
        return info.si_code == CLD_EXITED ? status : 128 + status
    }

    /// The path of `name` on PATH, or `name` itself when it contains a slash and is executable.
    static func findProgram(_ name: String, environment: [String: String]) -> String? {
        if name.contains("/") {
            return FileManager.default.isExecutableFile(atPath: name) ? name : nil
        }
        let directories = (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":")
        return directories.map { "\($0)/\(name)" }.first(where: FileManager.default.isExecutableFile(atPath:))
    }

    /// The last meaningful line of a program's output, for a one-line error.
    static func lastLine(of output: String) -> String {
        output.split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .last(where: { !$0.isEmpty }) ?? ""
    }
}
