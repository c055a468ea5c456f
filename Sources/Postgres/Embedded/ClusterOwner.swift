import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The OS user that runs the cluster's programs and owns its data folder: `postgres` when we are root (PostgreSQL
/// refuses to run as root), otherwise ourselves.
struct ClusterOwner {
    let name: String
    let uid: uid_t
    let gid: gid_t
    /// The user's supplementary groups, for the directory traversal check.
    let groups: [gid_t]
    /// Whether programs must be run through `runuser` because we are root.
    let needsSwitch: Bool

    /// The owner for this process: `osUserWhenRoot` when running as root, the current user otherwise.
    static func forCurrentProcess(osUserWhenRoot: String) throws(EmbeddedPostgresError) -> ClusterOwner {
        if geteuid() == 0 {
            guard let owner = lookUp(name: osUserWhenRoot) else { throw .unknownUser(osUserWhenRoot) }
            return ClusterOwner(
                name: owner.name, uid: owner.uid, gid: owner.gid, groups: owner.groups, needsSwitch: true)
        }
        let name = userName(of: geteuid()) ?? String(geteuid())
        return ClusterOwner(name: name, uid: geteuid(), gid: getegid(), groups: [], needsSwitch: false)
    }

    /// The user to pass to `ChildProcess.run(_:_:as:)`.
    var switchTo: String? { needsSwitch ? name : nil }

    /// The name of the user `uid`, or nil when it has none.
    static func userName(of uid: uid_t) -> String? {
        guard let entry = getpwuid(uid), let name = entry.pointee.pw_name else { return nil }
        return String(cString: name)
    }

    /// The first existing directory among `path`'s ancestors (root first) this user may not search, or nil when
    /// all are fine; missing ones are skipped (check again once they exist).
    func firstUntraversableAncestor(of path: String) -> String? {
        var ancestors: [String] = []
        var current = (path as NSString).deletingLastPathComponent
        while !current.isEmpty {
            ancestors.append(current)
            if current == "/" { break }
            current = (current as NSString).deletingLastPathComponent
        }
        return ancestors.reversed().first { !canSearch($0) }
    }

    private func canSearch(_ directory: String) -> Bool {
        var info = stat()
        guard stat(directory, &info) == 0 else { return true }
        let mode = info.st_mode
        if info.st_uid == uid { return mode & S_IXUSR != 0 }
        if info.st_gid == gid || groups.contains(info.st_gid) { return mode & S_IXGRP != 0 }
        return mode & S_IXOTH != 0
    }

    private static func lookUp(name: String) -> (name: String, uid: uid_t, gid: gid_t, groups: [gid_t])? {
        guard let entry = getpwnam(name) else { return nil }
        let uid = entry.pointee.pw_uid
        let gid = entry.pointee.pw_gid
        var count: Int32 = 64
        var groups = [gid_t](repeating: 0, count: Int(count))
        if getgrouplist(name, gid, &groups, &count) < 0 {
            // More than 64 groups: ask again with the size glibc reported.
            groups = [gid_t](repeating: 0, count: Int(count))
            _ = getgrouplist(name, gid, &groups, &count)
        }
        return (name, uid, gid, Array(groups.prefix(Int(max(count, 0)))))
    }
}
