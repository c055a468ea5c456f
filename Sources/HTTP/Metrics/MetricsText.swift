/// A document in the Prometheus text exposition format, version 0.0.4: one `# HELP` and one `# TYPE` line per
/// metric family, then its samples, each family written whole before the next (the format forbids interleaving).
///
/// Label values and help texts are escaped as the format asks (`\\`, `\"` and `\n` in label values; `\\` and `\n` in
/// help); names are the caller's constants and are not checked.
public struct MetricsText: Sendable {
    /// The `Content-Type` of the format.
    public static let contentType = "text/plain; version=0.0.4; charset=utf-8"

    /// The kinds of metric family the document writes.
    public enum Kind: String, Sendable {
        /// A value that only goes up (reset when the process restarts).
        case counter
        /// A value that goes up and down.
        case gauge
        /// Cumulative buckets, a sum and a count.
        case histogram
    }

    /// The document so far.
    public private(set) var text = ""

    /// An empty document.
    public init() {}

    /// Starts a metric family: its `# HELP` and `# TYPE` lines.
    public mutating func family(_ name: String, _ kind: Kind, help: String) {
        text += "# HELP \(name) "
        for character in help {
            switch character {
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            default: text.append(character)
            }
        }
        text += "\n# TYPE \(name) \(kind.rawValue)\n"
    }

    /// One sample line: `name{label="value",...} value`.
    public mutating func sample(_ name: String, _ labels: KeyValuePairs<String, String> = [:], _ value: Double) {
        sample(name, labels: Array(labels), value)
    }

    /// One sample line from an array of labels (for labels computed at run time).
    public mutating func sample(_ name: String, labels: [(key: String, value: String)], _ value: Double) {
        text += name
        if !labels.isEmpty {
            text += "{"
            for (index, label) in labels.enumerated() {
                if index > 0 { text += "," }
                text += label.key
                text += "=\""
                for character in label.value {
                    switch character {
                    case "\\": text += "\\\\"
                    case "\"": text += "\\\""
                    case "\n": text += "\\n"
                    default: text.append(character)
                    }
                }
                text += "\""
            }
            text += "}"
        }
        text += " "
        text += Self.format(value)
        text += "\n"
    }

    /// A family of one unlabelled sample.
    public mutating func single(_ name: String, _ kind: Kind, help: String, _ value: Double) {
        family(name, kind, help: help)
        sample(name, labels: [], value)
    }

    /// Values as the format writes them: integers without a fraction, `+Inf`, `-Inf`, `NaN`.
    static func format(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value > 0 ? "+Inf" : "-Inf" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }
}
