/// A language Nafidha speaks: labels, names and error messages exist in each.
public enum Language: String, Sendable, CaseIterable, Codable {
    case arabic = "ar"
    case french = "fr"
    case english = "en"

    /// The language used when a client states no supported preference.
    public static let fallback: Language = .english

    /// Picks the best language for an `Accept-Language` field (RFC 9110 §12.5.4): highest q-value wins, ties keep
    /// the client's order, `q=0` excludes, region subtags (`ar-LY`, `fr-DJ`) match their language, `*` matches the
    /// fallback.
    public static func negotiate(acceptLanguage: String?) -> Language {
        guard let acceptLanguage, !acceptLanguage.isEmpty else { return fallback }
        var best: (language: Language, quality: Double)?
        for item in acceptLanguage.split(separator: ",").prefix(32) {
            let parts = item.split(separator: ";")
            guard let tag = parts.first?.trimmingSpaces.lowercased(), !tag.isEmpty else { continue }
            var quality = 1.0
            for parameter in parts.dropFirst() {
                let pair = parameter.split(separator: "=", maxSplits: 1)
                if pair.count == 2, pair[0].trimmingSpaces.lowercased() == "q",
                    let value = Double(pair[1].trimmingSpaces), (0...1).contains(value)
                {
                    quality = value
                }
            }
            guard quality > 0 else { continue }
            let primary = tag.split(separator: "-").first.map(String.init) ?? tag
            let language = primary == "*" ? fallback : Language(rawValue: primary)
            if let language, quality > (best?.quality ?? 0) {
                best = (language, quality)
            }
        }
        return best?.language ?? fallback
    }
}

extension Substring {
    fileprivate var trimmingSpaces: String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
