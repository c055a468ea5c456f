/// An export the API accepted and has yet to stream: its id, what it selects, who asked, and a streaming slot, given
/// back when the export is released (after its body was written, or when it never is, as for a `HEAD`).
public final class PreparedAuditExport: Sendable {
    /// The random id its manifest is kept under (32 hex digits), sent in the `Nafidha-Export-Id` header.
    public let id: String
    /// What it selects, narrowed to the member's scope.
    public let options: AuditExportOptions
    /// Who asked.
    let member: StaffMember
    private let slot: ExportSlots.Slot

    init(id: String, options: AuditExportOptions, member: StaffMember, slot: ExportSlots.Slot) {
        self.id = id
        self.options = options
        self.member = member
        self.slot = slot
    }

    /// A file name for `Content-Disposition` and the manifest: `audit-TRP-<id>.jsonl`, `audit-<id>.csv`.
    public var fileName: String {
        "audit-" + (options.municipality.map { "\($0)-" } ?? "") + id + "." + options.format.rawValue
    }
}
