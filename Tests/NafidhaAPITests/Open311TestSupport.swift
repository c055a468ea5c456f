import Foundation
import FoundationXML
import NafidhaCore
import Postgres
import TestSupport

/// An element of a parsed XML answer: its name, text and children, to check the spec's element names.
final class XMLElementNode {
    let name: String
    var text = ""
    var children: [XMLElementNode] = []

    init(name: String) {
        self.name = name
    }

    /// The children named `name`.
    func all(_ name: String) -> [XMLElementNode] {
        children.filter { $0.name == name }
    }

    /// The first child named `name`.
    func first(_ name: String) -> XMLElementNode? {
        children.first { $0.name == name }
    }

    /// Parses `text` with Foundation's XML parser; nil when it is not well-formed.
    static func parse(_ text: String) -> XMLElementNode? {
        let builder = XMLTreeBuilder()
        let parser = XMLParser(data: Data(text.utf8))
        parser.delegate = builder
        guard parser.parse() else { return nil }
        return builder.root
    }
}

private final class XMLTreeBuilder: NSObject, XMLParserDelegate {
    var root: XMLElementNode?
    private var stack: [XMLElementNode] = []

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        let node = XMLElementNode(name: name)
        if let parent = stack.last { parent.children.append(node) } else { root = node }
        stack.append(node)
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        stack.last?.text += string
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        stack.removeLast()
    }
}

/// Form-encodes `pairs` as an Open311 client does (`application/x-www-form-urlencoded`).
func formBody(_ pairs: [(String, String)]) -> String {
    var allowed = CharacterSet.alphanumerics
    allowed.insert(charactersIn: "-._~")
    return pairs.map { name, value in
        "\(name.addingPercentEncoding(withAllowedCharacters: allowed)!)=\(value.addingPercentEncoding(withAllowedCharacters: allowed)!)"
    }.joined(separator: "&")
}

/// The form headers of an Open311 POST.
let formHeaders = [("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")]

/// A complete, valid report of a missed waste collection in Tripoli, as an Open311 client posts it.
func wasteReport(apiKey: String, extra: [(String, String)] = []) -> [(String, String)] {
    [
        ("api_key", apiKey), ("jurisdiction_id", "TRP"), ("service_code", "missed_waste_collection"),
        ("lat", "32.8872"), ("long", "13.1913"), ("address_string", "Sharia Omar Mukhtar 12"),
        ("attribute[waste_type]", "household"), ("attribute[days_missed]", "3"),
        ("first_name", "Salma"), ("last_name", "Benali"), ("phone", "+218912345678"),
        ("email", "salma@example.ly"), ("national_id", "119901234567"),
        ("description", "Bins overflowing since Monday"), ("media_url", "https://example.org/photo.jpg"),
    ] + extra
}

/// An ISO 8601 date with a time zone, as the spec requires.
func isISO8601WithZone(_ text: String) -> Bool {
    text.range(of: #"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$"#, options: .regularExpression)
        != nil
        && Open311Dates.parse(text) != nil
}
