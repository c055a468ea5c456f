#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes a secret (a private key) to a file that is mode 0600 from its first byte and appears whole or not at all.
///
/// The bytes go to a new temporary file in the same directory, created with `open(O_CREAT | O_EXCL, 0600)` (so it
/// is never readable by others, not even for an instant: nothing is chmod-ed afterwards), synced, then moved into
/// place. By default an existing file is never replaced: losing a log's signing key is not something a typo in
/// `--output` should be able to do.
public enum SecretFile {
    /// Writes `bytes` to `path`.
    /// - Parameters:
    ///   - replacingExisting: when false (the default) an existing `path` is left untouched and the call throws
    ///     `SecretFileError` with `EEXIST`; the no-replace move is `link(2)`, atomic on a POSIX file system.
    /// - Throws: `SecretFileError` naming the failed call, the path and errno.
    public static func write(_ bytes: [UInt8], to path: String, replacingExisting: Bool = false) throws {
        let directory = Self.directory(of: path)
        let temporary = "\(directory)/.\(Self.fileName(of: path)).\(getpid()).\(Self.randomSuffix()).tmp"
        let descriptor = try Posix.retrying("open", temporary) {
            open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o600)
        }
        var moved = false
        defer {
            if !moved { unlink(temporary) }
        }
        do {
            defer { close(descriptor) }
            try writeAll(bytes, to: descriptor, path: temporary)
            _ = try Posix.retrying("fsync", temporary) { fsync(descriptor) }
        }
        if replacingExisting {
            _ = try Posix.retrying("rename", path) { rename(temporary, path) }
        } else {
            _ = try Posix.retrying("link", path) { link(temporary, path) }
            unlink(temporary)
        }
        moved = true
        // The new directory entry is durable only once the directory itself is synced.
        let directoryDescriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if directoryDescriptor >= 0 {
            _ = fsync(directoryDescriptor)
            close(directoryDescriptor)
        }
    }

    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32, path: String) throws {
        try bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = try Posix.retrying("write", path) {
                    systemWrite(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                }
                offset += written
            }
        }
    }

    private static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    private static func fileName(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    private static func randomSuffix() -> String {
        Hex.encode((0..<6).map { _ in UInt8.random(in: 0...255) })
    }
}

/// A system call of `SecretFile` failed.
public struct SecretFileError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The call that failed (`open`, `write`, `fsync`, `link`, `rename`).
    public let operation: String
    /// The path it was called on.
    public let path: String
    /// Its errno.
    public let errno: Int32

    public var description: String {
        "\(operation) \(path): \(String(cString: strerror(errno)))"
    }
}

/// The system calls `SecretFile` makes, each retried on EINTR, failing with `SecretFileError`.
private enum Posix {
    static func retrying<Result: BinaryInteger>(
        _ operation: String, _ path: String, _ call: () -> Result
    ) throws -> Result {
        while true {
            let result = call()
            if result >= 0 { return result }
            let code = errno
            if code != EINTR {
                throw SecretFileError(operation: operation, path: path, errno: code)
            }
        }
    }
}

/// `write(2)` under another name: inside `SecretFile`, `write` is its own static method.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}
