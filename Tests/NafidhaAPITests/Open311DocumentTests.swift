import Foundation
import Testing

@testable import NafidhaAPI

@Suite("Open311 documents")
struct Open311DocumentTests {
    private let document = Open311Document(
        root: "service_requests",
        node: .list(
            item: "request",
            [
                .object([
                    ("description", .text("Bins <full> & \"smelly\" — حاويات\u{1}")), ("lat", .number(32.5)),
                    ("order", .number(3)), ("metadata", .bool(true)), ("address", .null),
                ])
            ]))

    @Test("XML escapes markup, replaces characters XML forbids, and stays well-formed")
    func xmlEscapes() throws {
        let root = try #require(XMLElementNode.parse(document.xml))
        let request = try #require(root.first("request"))
        #expect(request.first("description")?.text == "Bins <full> & \"smelly\" — حاويات\u{FFFD}")
        #expect(request.first("lat")?.text == "32.5")
        #expect(request.first("order")?.text == "3")
        #expect(request.first("address")?.text == "")
        #expect(document.xml.hasPrefix(#"<?xml version="1.0" encoding="utf-8"?><service_requests><request>"#))
    }

    @Test("JSON mirrors the XML: a list of objects, members in order, null for absent values")
    func jsonMirrorsXML() throws {
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(document.json.utf8)) as? [[String: Any]])
        #expect(parsed.count == 1)
        #expect(parsed[0]["description"] as? String == "Bins <full> & \"smelly\" — حاويات\u{1}")
        #expect(parsed[0]["order"] as? Int == 3)
        #expect(parsed[0]["metadata"] as? Bool == true)
        #expect(parsed[0]["address"] is NSNull)
        #expect(document.json.hasPrefix(#"[{"description":"#))
    }
}
