import Foundation
import NafidhaContract

/// Reads the members of one JSON object of a catalog file, noting each problem of shape (a missing, misspelled,
/// repeated or mistyped member) in the log and going on: the caller gets nil for what it could not read, and the
/// file's other problems are still found.
struct CatalogObjectReader {
    /// An array's element and its path.
    typealias Element = (node: JSONNode, path: JSONPath)

    /// The object's path.
    let path: JSONPath
    private let members: [String: JSONNode]
    private let log: CatalogProblemLog

    /// Reads `node` as an object whose members may be `allowed`; nil (noted) when it is not an object.
    init?(_ node: JSONNode, at path: JSONPath, allowed: Set<String>, log: CatalogProblemLog) {
        guard case .object(let list) = node.value else {
            log.add(.wrongType(expected: .object, found: node.kind), at: path)
            return nil
        }
        var members: [String: JSONNode] = [:]
        for member in list {
            guard allowed.contains(member.key) else {
                log.add(.unknownMember(member.key), at: path.appending(member.key), position: member.keyPosition)
                continue
            }
            guard members[member.key] == nil else {
                log.add(.repeatedMember(member.key), at: path.appending(member.key), position: member.keyPosition)
                continue
            }
            members[member.key] = member.value
        }
        self.path = path
        self.members = members
        self.log = log
    }

    /// The member's node, nil when absent or null; noted as missing when `required`.
    func node(_ key: String, required: Bool = true) -> JSONNode? {
        guard let node = members[key], node.kind != .null else {
            if required { log.add(.missingMember(key), at: members[key] == nil ? path : path.appending(key)) }
            return nil
        }
        return node
    }

    /// A string of 1 to `maximumLength` characters (0 allowed when `allowEmpty`).
    func string(_ key: String, required: Bool = true, allowEmpty: Bool = false, maximumLength: Int = 200) -> String? {
        guard let node = node(key, required: required) else { return nil }
        return Self.string(
            node, at: path.appending(key), allowEmpty: allowEmpty, maximumLength: maximumLength, log: log)
    }

    /// A string value's text, checked for emptiness and length.
    static func string(
        _ node: JSONNode, at path: JSONPath, allowEmpty: Bool = false, maximumLength: Int = 200,
        log: CatalogProblemLog
    ) -> String? {
        guard case .string(let text) = node.value else {
            log.add(.wrongType(expected: .string, found: node.kind), at: path)
            return nil
        }
        if !allowEmpty && text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            log.add(.emptyText, at: path)
        } else if text.count > maximumLength {
            log.add(.textTooLong(maximum: maximumLength), at: path)
        }
        return text
    }

    /// A code of `kind`, checked against its form.
    func code(_ key: String, _ kind: CatalogProblem.CodeKind, required: Bool = true) -> String? {
        guard let text = string(key, required: required, maximumLength: 100) else { return nil }
        if !CatalogCodes.isValid(text, kind) { log.add(.invalidCode(kind), at: path.appending(key)) }
        return text
    }

    /// A whole number within `range`.
    func integer(_ key: String, _ range: ClosedRange<Int>, required: Bool = true) -> Int? {
        guard let node = node(key, required: required) else { return nil }
        return Self.integer(node, range, at: path.appending(key), log: log)
    }

    /// A whole number value within `range`; `12.0` counts as whole, as in JSON Schema.
    static func integer(_ node: JSONNode, _ range: ClosedRange<Int>, at path: JSONPath, log: CatalogProblemLog) -> Int?
    {
        guard let value = decimal(node, at: path, log: log) else { return nil }
        guard value.isWhole else {
            log.add(.notWholeNumber, at: path)
            return nil
        }
        guard value >= Decimal(range.lowerBound), value <= Decimal(range.upperBound) else {
            log.add(.outOfRange(range), at: path)
            return nil
        }
        return NSDecimalNumber(decimal: value).intValue
    }

    /// Any number, exactly as written.
    func decimal(_ key: String, required: Bool = true) -> Decimal? {
        guard let node = node(key, required: required) else { return nil }
        return Self.decimal(node, at: path.appending(key), log: log)
    }

    private static func decimal(_ node: JSONNode, at path: JSONPath, log: CatalogProblemLog) -> Decimal? {
        guard case .number(let text) = node.value else {
            log.add(.wrongType(expected: .number, found: node.kind), at: path)
            return nil
        }
        guard let value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")), !value.isNaN else {
            log.add(.numberOutOfRange, at: path)
            return nil
        }
        return value
    }

    /// `true` or `false`.
    func bool(_ key: String, required: Bool = true) -> Bool? {
        guard let node = node(key, required: required) else { return nil }
        guard case .bool(let value) = node.value else {
            log.add(.wrongType(expected: .boolean, found: node.kind), at: path.appending(key))
            return nil
        }
        return value
    }

    /// An array's elements with their paths.
    func array(_ key: String, required: Bool = true) -> [Element]? {
        guard let node = node(key, required: required) else { return nil }
        guard case .array(let elements) = node.value else {
            log.add(.wrongType(expected: .array, found: node.kind), at: path.appending(key))
            return nil
        }
        return elements.enumerated().map { ($0.element, path.appending(key).appending($0.offset)) }
    }

    /// A nested object.
    func object(_ key: String, allowed: Set<String>, required: Bool = true) -> CatalogObjectReader? {
        guard let node = node(key, required: required) else { return nil }
        return CatalogObjectReader(node, at: path.appending(key), allowed: allowed, log: log)
    }

    /// `{"ar", "fr", "en"}`, each 1 to `maximumLength` characters (0 allowed when `allowEmpty`).
    func localized(_ key: String, allowEmpty: Bool = false, maximumLength: Int = 200) -> LocalizedText? {
        guard let text = object(key, allowed: ["ar", "fr", "en"]) else { return nil }
        let ar = text.string("ar", allowEmpty: allowEmpty, maximumLength: maximumLength)
        let fr = text.string("fr", allowEmpty: allowEmpty, maximumLength: maximumLength)
        let en = text.string("en", allowEmpty: allowEmpty, maximumLength: maximumLength)
        return LocalizedText(ar: ar ?? "", fr: fr ?? "", en: en ?? "")
    }
}

extension Decimal {
    /// True when the value has no fractional part.
    var isWhole: Bool {
        var value = self
        var rounded = Decimal()
        NSDecimalRound(&rounded, &value, 0, .plain)
        return rounded == self
    }
}
