/// The origin line (and key name) of a municipality's audit log checkpoints: `<host>/audit/<municipality code>`,
/// e.g. `nafidha.example/audit/TRP` (docs/verification.md).
///
/// A schema-less URL, as c2sp.org/tlog-checkpoint recommends: unique per log without having to be reachable.
public enum CheckpointOrigin {
    /// The longest host name accepted (RFC 1035's limit for a domain name's text form).
    public static let maximumHostLength = 253

    /// The origin of the audit log of `municipality` (three upper-case letters, as the schema's
    /// `municipalities.code`) served under `host` (a lower-case DNS name: labels of letters, digits and inner
    /// hyphens, separated by dots).
    /// - Throws: `NoteError.invalidOrigin` for any other host or code.
    public static func auditLog(host: String, municipality: String) throws(NoteError) -> String {
        guard isValidHost(host), municipality.utf8.count == 3,
            municipality.utf8.allSatisfy({ (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) })
        else { throw .invalidOrigin }
        return "\(host)/audit/\(municipality)"
    }

    private static func isValidHost(_ host: String) -> Bool {
        guard !host.isEmpty, host.utf8.count <= maximumHostLength else { return false }
        return host.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { label in
            let bytes = Array(label.utf8)
            return (1...63).contains(bytes.count) && bytes.first != UInt8(ascii: "-")
                && bytes.last != UInt8(ascii: "-")
                && bytes.allSatisfy { byte in
                    (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                        || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "-")
                }
        }
    }
}
