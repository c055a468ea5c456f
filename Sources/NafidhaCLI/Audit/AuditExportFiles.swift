import Foundation
import NafidhaContract

/// Where an export and its manifest land: `FILE` and `FILE.manifest.json`, both private files (0600 from creation).
enum AuditExportFiles {
    /// Writes `manifest` (indented JSON, keys sorted) beside the sealed `export`, then renames both into place, the
    /// export first, so that neither name ever shows a file half-written.
    static func publish(_ export: PrivateFile, manifest: Audit.ExportManifest) throws {
        let file = try PrivateFile(path: export.path + ".manifest.json")
        try file.write(Array(try ContractJSON.prettyEncoder().encode(manifest)) + [0x0A])
        try file.seal()
        try export.publish()
        try file.publish()
    }
}
