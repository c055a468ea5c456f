/// A template's text with `{{name}}` placeholders, the notifications' whole template syntax: a name is lower-case
/// letters, digits and underscores; there are no conditions, loops or filters (docs/notifications.md, "Templates").
struct TemplateText: Sendable, Equatable {
    /// A run of literal text, or a placeholder's name.
    enum Piece: Sendable, Equatable {
        case literal(String)
        case placeholder(String)
    }

    /// The text, split at its placeholders.
    let pieces: [Piece]

    /// Parses `source`; an unclosed `{{` or a malformed name is an error naming it.
    init(_ source: String) throws(TemplateError) {
        var pieces: [Piece] = []
        var rest = Substring(source)
        while let open = rest.range(of: "{{") {
            if open.lowerBound > rest.startIndex { pieces.append(.literal(String(rest[..<open.lowerBound]))) }
            guard let close = rest[open.upperBound...].range(of: "}}") else {
                throw TemplateError("an unclosed {{ in “\(source.prefix(60))”")
            }
            let name = String(rest[open.upperBound..<close.lowerBound])
            guard !name.isEmpty,
                name.utf8.allSatisfy({ (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x5F })
            else {
                throw TemplateError("“{{\(name)}}” is not a placeholder (lower-case letters, digits, _)")
            }
            pieces.append(.placeholder(name))
            rest = rest[close.upperBound...]
        }
        if !rest.isEmpty { pieces.append(.literal(String(rest))) }
        self.pieces = pieces
    }

    /// The names of its placeholders.
    var placeholders: Set<String> {
        Set(
            pieces.compactMap {
                guard case .placeholder(let name) = $0 else { return nil }
                return name
            })
    }

    /// The text with each placeholder replaced by its value passed through `escape` (HTML escaping for the e-mail's
    /// HTML part); literal text is kept as written. A placeholder without a value is an error.
    func render(_ values: [String: String], escape: (String) -> String = { $0 }) throws(TemplateError) -> String {
        var output = ""
        for piece in pieces {
            switch piece {
            case .literal(let text): output += text
            case .placeholder(let name):
                guard let value = values[name] else { throw TemplateError("no value for {{\(name)}}") }
                output += escape(value)
            }
        }
        return output
    }
}
