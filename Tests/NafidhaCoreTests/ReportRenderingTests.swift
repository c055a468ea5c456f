import Foundation
import NafidhaContract
import NafidhaCore
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite("Report rendering")
struct ReportRenderingTests {
    /// A two-table report whose labels need escaping in every format.
    private func sample(name: Reports.Name = .sla, chart: ReportChart? = .bars(labels: ["label"], value: "share"))
        -> Report
    {
        let query = ReportQuery(
            from: Date(timeIntervalSince1970: 1_790_000_000), to: Date(timeIntervalSince1970: 1_790_086_400),
            municipality: "TRP", now: Date(timeIntervalSince1970: 1_790_100_000))
        let columns = [
            ReportColumn("label", ar: "البلدية، القطاع", fr: "Libellé", en: "Label"),
            ReportColumn("count", ar: "العدد", fr: "Nombre", en: "Count"),
            ReportColumn("share", ar: "النسبة", fr: "Part", en: "Share"),
        ]
        let rows: [[ReportValue]] = [
            [.text("a,b"), .integer(3), .decimal(0.5, places: 4)],
            [.text("say \"hi\"\nnext <line> & more"), .integer(0), .decimal(nil, places: 2)],
            [.text("طرابلس المركز"), .integer(12), .decimal(2.0 / 3.0, places: 2)],
        ]
        return Report(
            name: name, title: LocalizedText(ar: "تقرير", fr: "Rapport", en: "Report"), query: query,
            tables: [
                ReportTable(
                    key: "rows", title: LocalizedText(ar: "أ", fr: "A", en: "A"), columns: columns, rows: rows,
                    chart: chart),
                ReportTable(
                    key: "clerks", title: LocalizedText(ar: "ب", fr: "B", en: "B"), columns: [columns[0]],
                    rows: [[.text("amal.t")]], chart: nil),
            ])
    }

    @Test("CSV quotes commas, quotes and line breaks, keeps Arabic as UTF-8 and ends lines with CRLF")
    func csvEscaping() {
        let csv = sample().csv(language: .english)
        #expect(
            csv == "Label,Count,Share\r\n\"a,b\",3,0.5000\r\n\"say \"\"hi\"\"\nnext <line> & more\",0,\r\n"
                + "طرابلس المركز,12,0.67\r\n\r\nLabel\r\namal.t\r\n")
        let arabic = sample().csv(language: .arabic)
        #expect(arabic.hasPrefix("البلدية، القطاع,العدد,النسبة\r\n"), "the Arabic comma needs no quotes")
    }

    @Test("--excel's byte order mark comes first and only then")
    func excelBOM() {
        let bytes = Array(sample().csv(language: .arabic, excelBOM: true).utf8)
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(!sample().csv(language: .arabic).utf8.starts(with: [0xEF, 0xBB, 0xBF]))
    }

    @Test("JSON parses, with integers, fixed decimals, nulls and each table under its key")
    func json() throws {
        let text = sample().json(language: .french)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["report"] as? String == "sla" && object["title"] as? String == "Rapport")
        #expect(object["municipality"] as? String == "TRP" && object["sector"] is NSNull)
        let rows = try #require(object["rows"] as? [[String: Any]])
        #expect(rows.count == 3)
        #expect(rows[1]["label"] as? String == "say \"hi\"\nnext <line> & more")
        #expect(rows[0]["count"] as? Int == 3 && rows[1]["share"] is NSNull)
        #expect(text.contains(#""share":0.5000"#))
        #expect((object["clerks"] as? [[String: Any]])?.first?["label"] as? String == "amal.t")
    }

    /// Parses `html` as XML; returns the element names met, or nil when it is not well-formed.
    private func elements(_ html: String) -> [String]? {
        final class Collector: NSObject, XMLParserDelegate {
            var names: [String] = []
            var attributes: [[String: String]] = []
            func parser(
                _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String]
            ) {
                names.append(name)
                self.attributes.append(attributes)
            }
        }
        let parser = XMLParser(data: Data(html.utf8))
        let collector = Collector()
        parser.delegate = collector
        return parser.parse() ? collector.names : nil
    }

    @Test("the HTML page is well-formed, self-contained, right to left in Arabic, with a bar chart and a print style")
    func htmlBars() throws {
        let html = sample().html(language: .arabic)
        let names = try #require(elements(html))
        #expect(html.contains(#"<html xmlns="http://www.w3.org/1999/xhtml" lang="ar" dir="rtl">"#))
        #expect(names.filter { $0 == "svg" }.count == 1)
        #expect(names.filter { $0 == "rect" }.count == 3)
        #expect(names.filter { $0 == "table" }.count == 2)
        #expect(html.contains("@media print"))
        #expect(!html.contains("src=") && !html.contains("href=") && !html.contains("<link"))
        #expect(html.contains("say &quot;hi&quot;\nnext &lt;line&gt; &amp; more"))
        #expect(sample().html(language: .french).contains(#"lang="fr" dir="ltr""#))
    }

    @Test("throughput's HTML draws one line per series")
    func htmlLines() throws {
        let report = sample(name: .throughput, chart: .lines(x: "label", series: ["count", "share"]))
        let names = try #require(elements(report.html(language: .english)))
        #expect(names.filter { $0 == "polyline" }.count == 2)
        #expect(names.filter { $0 == "circle" }.count == 6)
    }
}
