/// Form parameters as Open311 reads them: the first value of a name, and an empty value counts as absent.
struct Open311Form: Sendable {
    private let pairs: [(name: String, value: String)]

    init(_ pairs: [(name: String, value: String)]) {
        self.pairs = pairs.filter { !$0.value.isEmpty }
    }

    subscript(name: String) -> String? {
        pairs.first { $0.name == name }?.value
    }

    func all(_ name: String) -> [String] {
        pairs.compactMap { $0.name == name ? $0.value : nil }
    }

    /// The codes of every `attribute[CODE]` and `attribute[CODE][]` parameter, each once, in order of appearance.
    var attributeCodes: [String] {
        var seen: Set<String> = []
        return pairs.compactMap { pair -> String? in
            guard pair.name.hasPrefix("attribute["), pair.name.hasSuffix("]") else { return nil }
            var code = pair.name.dropFirst("attribute[".count).dropLast()
            if code.hasSuffix("][") { code = code.dropLast(2) }
            return seen.insert(String(code)).inserted ? String(code) : nil
        }
    }
}
