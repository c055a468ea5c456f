import Foundation

/// The sections of a template file: a line `[name]` starts a section, which runs to the next one. Leading and
/// trailing line breaks of a section are dropped; text before the first section is an error.
enum TemplateSections {
    /// The sections of `text`, by name.
    static func parse(_ text: String, file: String) throws(TemplateError) -> [String: String] {
        var sections: [String: String] = [:]
        var current: (name: String, lines: [Substring])?
        func close() {
            if let current {
                sections[current.name] = current.lines.joined(separator: "\n")
                    .trimmingCharacters(in: .newlines)
            }
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("["), line.hasSuffix("]"), line.count > 2 {
                close()
                let name = String(line.dropFirst().dropLast())
                guard sections[name] == nil else { throw TemplateError("\(file): section [\(name)] appears twice") }
                current = (name, [])
            } else if current != nil {
                current?.lines.append(line)
            } else if !line.isEmpty {
                throw TemplateError("\(file): text before the first [section]")
            }
        }
        close()
        return sections
    }
}
