/// The place of a value in a JSON document, as `$.services[2].fields[0].datatype`: the root `$`, then member names
/// and array indexes (from 0). Names that are not plain identifiers are written `['like this']`.
public struct JSONPath: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// One step down from a value.
    public enum Segment: Sendable, Hashable {
        /// An object's member.
        case key(String)
        /// An array's element, from 0.
        case index(Int)
    }

    /// The steps from the root.
    public private(set) var segments: [Segment]

    /// The whole document, `$`.
    public static let root = JSONPath(segments: [])

    private init(segments: [Segment]) {
        self.segments = segments
    }

    /// The path of member `key` of the value here.
    public func appending(_ key: String) -> JSONPath {
        JSONPath(segments: segments + [.key(key)])
    }

    /// The path of element `index` of the array here.
    public func appending(_ index: Int) -> JSONPath {
        JSONPath(segments: segments + [.index(index)])
    }

    /// The path of the value that holds this one; nil for the root.
    public var parent: JSONPath? {
        segments.isEmpty ? nil : JSONPath(segments: Array(segments.dropLast()))
    }

    /// `$.services[2].sector`.
    public var description: String {
        var text = "$"
        for segment in segments {
            switch segment {
            case .key(let key) where Self.isIdentifier(key): text += "." + key
            case .key(let key): text += "['" + key.replacingOccurrences(of: "'", with: "\\'") + "']"
            case .index(let index): text += "[\(index)]"
            }
        }
        return text
    }

    /// Document order: a parent before its members, members and elements in the order of their segments.
    public static func < (left: JSONPath, right: JSONPath) -> Bool {
        for (a, b) in zip(left.segments, right.segments) where a != b {
            switch (a, b) {
            case (.index(let x), .index(let y)): return x < y
            case (.key(let x), .key(let y)): return x < y
            case (.index, .key): return true
            case (.key, .index): return false
            }
        }
        return left.segments.count < right.segments.count
    }

    private static func isIdentifier(_ key: String) -> Bool {
        guard let first = key.unicodeScalars.first, first == "_" || (first.isASCII && first.properties.isAlphabetic)
        else { return false }
        return key.unicodeScalars.allSatisfy {
            $0 == "_" || ($0.isASCII && $0.properties.isAlphabetic) || ("0"..."9").contains($0)
        }
    }
}
