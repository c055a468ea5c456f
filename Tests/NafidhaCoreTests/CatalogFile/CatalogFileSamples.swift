import Foundation
import Testing

@testable import NafidhaCore

/// The demo catalog file and edits of it, for the catalog file tests: an edit replaces the first occurrence of a
/// text, so each problem can be expected exactly where the edit put it.
enum CatalogFileSamples {
    /// seeds/demo-catalog.json, as the binary carries it.
    static let demo = EmbeddedSeeds.demoCatalog

    /// The demo file with each `(from, to)` replacing the first occurrence of `from`.
    static func edited(_ edits: [(String, String)], sourceLocation: SourceLocation = #_sourceLocation) -> String {
        var text = demo
        for (from, to) in edits {
            guard let range = text.range(of: from) else {
                Issue.record("the demo catalog has no \(from)", sourceLocation: sourceLocation)
                continue
            }
            text.replaceSubrange(range, with: to)
        }
        return text
    }

    /// Where the `occurrence`-th (from 1) `needle` starts in `text`, as the reader counts (scalars per line).
    static func position(of needle: String, in text: String, occurrence: Int = 1) -> SourcePosition? {
        var searchStart = text.startIndex
        var found: Range<String.Index>?
        for _ in 0..<occurrence {
            guard let range = text.range(of: needle, range: searchStart..<text.endIndex) else { return nil }
            found = range
            searchStart = range.upperBound
        }
        guard let start = found?.lowerBound else { return nil }
        let before = text[..<start]
        let line = before.reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
        let lineStart = before.lastIndex(of: "\n").map { text.index(after: $0) } ?? text.startIndex
        return SourcePosition(line: line, column: text[lineStart..<start].unicodeScalars.count + 1)
    }

    /// The problems of `text` as a catalog file (none when it reads).
    static func problems(_ text: String) -> [CatalogProblem] {
        do {
            _ = try CatalogFile.read(Array(text.utf8))
            return []
        } catch .invalid(let problems, _) {
            return problems
        } catch {
            Issue.record("\(error)")
            return []
        }
    }
}
