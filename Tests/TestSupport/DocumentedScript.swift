import Foundation

/// A program listed in the documentation (a ```` ```python ```` block after its name in backticks), extracted so the
/// suite runs exactly what readers copy: `verify_export.py` of docs/audit.md, `verify_decision.py` of
/// docs/verification.md.
public enum DocumentedScript {
    /// The repository's root, found from this file's path.
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Writes the first Python listing after `` `name` `` in `document` (a path from the repository's root) to
    /// `folder`/`name`; returns that path.
    public static func extract(_ name: String, from document: String, into folder: String) throws -> String {
        let text = try String(contentsOf: repository.appendingPathComponent(document), encoding: .utf8)
        guard let after = text.range(of: "`\(name)`"),
            let start = text.range(of: "```python\n", range: after.upperBound..<text.endIndex),
            let end = text.range(of: "\n```\n", range: start.upperBound..<text.endIndex)
        else { throw CocoaError(.fileReadCorruptFile, userInfo: [NSFilePathErrorKey: document]) }
        let path = folder + "/" + name
        try String(text[start.upperBound..<end.lowerBound]).write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }
}
