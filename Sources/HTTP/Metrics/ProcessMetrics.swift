import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The process's resident memory and file descriptors, read from Linux's `/proc/self` at each scrape, under the
/// names Prometheus's own clients use (`process_resident_memory_bytes`, `process_open_fds`, `process_max_fds`).
public enum ProcessMetrics {
    /// Writes the three families; a value `/proc` cannot give is left out rather than reported as 0.
    public static func write(into document: inout MetricsText) {
        if let resident = residentBytes() {
            document.single(
                "process_resident_memory_bytes", .gauge, help: "Resident set size of the process, in bytes.",
                Double(resident))
        }
        if let open = openDescriptors() {
            document.single(
                "process_open_fds", .gauge, help: "File descriptors the process has open.", Double(open))
        }
        if let limit = descriptorLimit() {
            document.single(
                "process_max_fds", .gauge, help: "The process's limit on open file descriptors.", Double(limit))
        }
    }

    /// The second field of `/proc/self/statm` (resident pages) times the page size.
    static func residentBytes() -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return nil }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return nil }
        return pages * Int(getpagesize())
    }

    /// The soft limit of `Max open files` in `/proc/self/limits`.
    static func descriptorLimit() -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/self/limits", encoding: .utf8),
            let line = text.split(separator: "\n").first(where: { $0.hasPrefix("Max open files") })
        else { return nil }
        return line.dropFirst("Max open files".count).split(separator: " ").first.flatMap { Int($0) }
    }

    /// Entries of `/proc/self/fd`, less the one listing them.
    static func openDescriptors() -> Int? {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd") else { return nil }
        return max(0, entries.count - 1)
    }
}
