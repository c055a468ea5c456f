import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A fresh folder under /tmp that the postgres user can enter; call `remove()` when done (a `defer`, not `deinit`:
/// ARC may release a value right after its last use, while a cluster still runs in the folder).
struct TemporaryFolder {
    let path: String

    init() throws {
        path = "/tmp/nafidha-cli-" + UUID().uuidString.prefix(8).lowercased()
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        chmod(path, 0o755)
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}
