/// Where something starts in a text file, as editors show it: the line and the column, both from 1, columns counted
/// in Unicode scalars (one per character of Arabic or Latin text, one per combining mark).
public struct SourcePosition: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The line, from 1.
    public var line: Int
    /// The column, from 1.
    public var column: Int

    /// A position.
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// `12:7`.
    public var description: String { "\(line):\(column)" }

    /// Earlier in the file first.
    public static func < (left: SourcePosition, right: SourcePosition) -> Bool {
        (left.line, left.column) < (right.line, right.column)
    }
}
