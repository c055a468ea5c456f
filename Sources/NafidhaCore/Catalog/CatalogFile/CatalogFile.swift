import Foundation

/// The catalog file format (docs/catalog.md, docs/catalog.schema.json): reading one into a validated
/// `CatalogDocument`, and writing one.
enum CatalogFile {
    /// The largest file read: the demo catalog is about 0.1 MiB; a country's whole catalog stays well under this.
    static let maximumBytes = 8 << 20

    /// The document `bytes` hold, once every problem of shape and consistency is ruled out.
    /// - Throws: `CatalogFileError.tooLarge`, or `.invalid` with every problem found, each with its path and, where
    ///   the file shows it, its line and column.
    static func read(_ bytes: [UInt8]) throws(CatalogFileError) -> CatalogDocument {
        guard bytes.count <= maximumBytes else { throw .tooLarge(bytes: bytes.count) }
        let root: JSONNode
        do {
            root = try JSONScanner.parse(bytes)
        } catch {
            throw .invalid([CatalogProblem(.syntax(error.reason), at: .root, position: error.position)], more: 0)
        }
        let log = CatalogProblemLog()
        let document = CatalogFileReader(log: log).document(root)
        CatalogValidator(document, log: log).validate()
        guard log.isEmpty else { throw .invalid(placed(log.problems, in: root), more: log.dropped) }
        return document
    }

    /// The file of `document`: UTF-8 JSON as `JSONWriter` lays it out, ending in a newline.
    static func bytes(of document: CatalogDocument) -> [UInt8] {
        Array(JSONWriter.text(of: document.tree).utf8)
    }

    /// `problems` with the line and column of their value (or of the nearest enclosing value the file has), in
    /// file order.
    static func placed(_ problems: [CatalogProblem], in root: JSONNode) -> [CatalogProblem] {
        var positions: [JSONPath: SourcePosition] = [:]
        root.positions(into: &positions)
        let placed = problems.map { problem in
            var problem = problem
            var path: JSONPath? = problem.path
            while problem.position == nil, let here = path {
                problem.position = positions[here]
                path = here.parent
            }
            return problem
        }
        // Stable: problems at one place keep the order they were found in.
        return placed.enumerated().sorted { left, right in
            let a = left.element.position ?? SourcePosition(line: .max, column: 0)
            let b = right.element.position ?? SourcePosition(line: .max, column: 0)
            return a == b ? left.offset < right.offset : a < b
        }.map(\.element)
    }
}
