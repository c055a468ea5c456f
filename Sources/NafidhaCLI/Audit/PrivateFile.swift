import Foundation
import NafidhaCore
import Transparency

#if canImport(Glibc)
    import Glibc
#endif

/// A file that may hold personal data (an export, its manifest), written so that nobody else can read it and nobody
/// finds it half-written under its final name.
///
/// It is created beside its final name under a random temporary one (`.NAME.RANDOM.partial`), with
/// `O_CREAT | O_EXCL` and mode 0600 from the start (never widened and narrowed afterwards: a chmod would leave a
/// moment where others could open it), written through a buffer, then `seal()`ed (flushed, synced, closed) and
/// `publish()`ed (renamed over the final name, the folder synced). Released before being published, the temporary
/// file is removed.
final class PrivateFile {
    /// Where the file ends up.
    let path: String
    /// Where it is written until it is published.
    let temporaryPath: String
    private var descriptor: Int32
    private var buffer: [UInt8] = []
    private var published = false

    /// Bytes gathered before each `write(2)` (256 KiB): few system calls, bounded memory.
    static let bufferBytes = 256 * 1024

    /// Creates the temporary file for `path` (absolute), mode 0600.
    init(path: String) throws {
        self.path = path
        let folder = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        temporaryPath = folder + "/." + name + "." + Hex.encode(SecureRandom.bytes(6)) + ".partial"
        descriptor = open(temporaryPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw Self.failure("cannot create \(temporaryPath)") }
        buffer.reserveCapacity(Self.bufferBytes)
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
        if !published { unlink(temporaryPath) }
    }

    /// Appends `bytes`.
    func write(_ bytes: [UInt8]) throws {
        buffer += bytes
        if buffer.count >= Self.bufferBytes { try flush() }
    }

    /// Writes what is buffered, syncs the file to disk and closes it.
    func seal() throws {
        try flush()
        guard fsync(descriptor) == 0 else { throw Self.failure("cannot sync \(temporaryPath)") }
        let closed = close(descriptor)
        descriptor = -1
        guard closed == 0 else { throw Self.failure("cannot close \(temporaryPath)") }
    }

    /// Renames the sealed file over `path` in one step, then syncs the folder so the new name survives a crash.
    func publish() throws {
        guard rename(temporaryPath, path) == 0 else { throw Self.failure("cannot rename the export to \(path)") }
        published = true
        let folder = open((path as NSString).deletingLastPathComponent, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if folder >= 0 {
            _ = fsync(folder)
            close(folder)
        }
    }

    private func flush() throws {
        var offset = 0
        while offset < buffer.count {
            let written = buffer[offset...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                throw Self.failure("cannot write \(temporaryPath)")
            }
            offset += written
        }
        buffer.removeAll(keepingCapacity: true)
    }

    private static func failure(_ what: String) -> CommandFailure {
        CommandFailure("\(what): \(String(cString: strerror(errno)))")
    }
}
