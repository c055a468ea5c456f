import ArgumentParsing
import Foundation
import Transparency

/// Where a report goes: standard output, or a file readable by its owner alone.
enum ReportOutput {
    /// Writes `bytes` as they are to standard output, or to `path` (relative to the command's folder). The file is
    /// created 0600 under a temporary name (`open(O_CREAT | O_EXCL, 0600)`, never widened or chmod-ed after),
    /// synced, then renamed over `path`: readers never see a partial report, nor anyone else a whole one.
    static func write(_ bytes: [UInt8], to path: String?, context: CommandContext) throws {
        guard let path else {
            // Reports are UTF-8 text: the String holds exactly these bytes (a byte order mark included).
            context.standardOutput.write(String(decoding: bytes, as: UTF8.self))
            return
        }
        let absolute = InstantArgument.absolutePath(path, in: context.currentDirectory)
        do {
            try SecretFile.write(bytes, to: absolute, replacingExisting: true)
        } catch let error as SecretFileError {
            throw CommandFailure("cannot write the report to \(absolute): \(error)")
        }
    }
}
