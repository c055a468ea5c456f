import Foundation
import NafidhaContract
import Transparency

/// The printable decision page (docs/verification.md, "The decision page"): one self-contained XHTML document in
/// the applicant's language, Arabic right to left, with the service, municipality, outcome, each sector's decision
/// and date, the applicant's name and masked national id, and the QR Code of the verification code as inline SVG.
/// No script, no external resource; its one style sheet is allowed by hash in `contentSecurityPolicy`.
public struct DecisionPage: Sendable {
    /// The document shown.
    public let document: Decisions.Document
    /// The page's language.
    public let language: Language
    /// The host whose `/v1/verify/{code}` verifies the code, printed under the QR Code.
    public let host: String

    /// The page of `document` in `language`, naming `host` for verification.
    public init(document: Decisions.Document, language: Language, host: String) {
        self.document = document
        self.language = language
        self.host = host
    }

    /// The `Content-Security-Policy` the page needs: nothing at all but its own style sheet (by hash).
    public var contentSecurityPolicy: String {
        let digest = SHA256.hash(Self.style)
        return "default-src 'none'; style-src 'sha256-\(Data(digest).base64EncodedString())'; img-src 'none'; "
            + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
    }

    /// The page.
    /// - Throws: `QRCodeError` if the code cannot be drawn (it always can: a code is at most 200 bytes).
    public func html() throws -> String {
        let labels = Self.labels(language)
        let facts = document.facts
        let qr = try QRCode(text: document.verificationCode).svg()
        var rows = [
            (labels.service, escape(facts.service.name.text(in: language))),
            (labels.municipality, escape(facts.municipality.name.text(in: language))),
        ]
        if let applicant = document.applicant {
            rows.append((labels.applicant, escape(applicant.name)))
            if let id = applicant.nationalIDMasked { rows.append((labels.nationalID, ltr(id))) }
        }
        rows.append((labels.decidedAt, ltr(Self.displayTime(facts.decidedAt))))
        let outcome = facts.outcome == .approved ? labels.approved : labels.rejected
        var out = """
            <!DOCTYPE html>
            <html xmlns="http://www.w3.org/1999/xhtml" lang="\(language.rawValue)" dir="\(language == .arabic ? "rtl" : "ltr")">
            <head>
            <meta charset="utf-8"/>
            <meta name="viewport" content="width=device-width, initial-scale=1"/>
            <title>\(escape(labels.title)) \(escape(facts.trackingNumber))</title>
            <style>\(Self.style)</style>
            </head>
            <body>
            <header><p class="municipality">\(escape(facts.municipality.name.text(in: language)))</p>
            <h1>\(escape(labels.title)) \(ltr(facts.trackingNumber))</h1></header>
            <p class="outcome \(facts.outcome.rawValue)">\(escape(outcome))</p>
            <table class="facts"><tbody>

            """
        for (label, value) in rows {
            out += "<tr><th scope=\"row\">\(escape(label))</th><td>\(value)</td></tr>\n"
        }
        out += """
            </tbody></table>
            <h2>\(escape(labels.sectors))</h2>
            <table class="sectors"><thead><tr><th>\(escape(labels.stage))</th><th>\(escape(labels.sector))</th>\
            <th>\(escape(labels.decision))</th><th>\(escape(labels.date))</th></tr></thead><tbody>

            """
        for step in facts.decisions {
            out +=
                "<tr><td>\(ltr("\(step.stage).\(step.step)"))</td>"
                + "<td>\(escape(step.sector.name.text(in: language)))</td>"
                + "<td class=\"\(step.decision.rawValue)\">\(escape(labels.decisionName(step.decision)))</td>"
                + "<td>\(ltr(Self.displayTime(step.decidedAt)))</td></tr>\n"
        }
        let address = "https://\(host)/v1/verify/\(document.verificationCode)"
        out += """
            </tbody></table>
            <section class="verify">
            <div class="qr">\(qr.trimmingCharacters(in: .newlines))</div>
            <div class="how">
            <h2>\(escape(labels.verifyTitle))</h2>
            <p>\(escape(labels.verifyText))</p>
            <p class="code" dir="ltr">\(escape(document.verificationCode))</p>
            <p class="address" dir="ltr">\(escape(address))</p>
            <p class="log">\(escape(labels.logEntry(document.leafIndex + 1, document.treeSize, facts.municipality.code)))</p>
            </div>
            </section>
            </body>
            </html>

            """
        return out
    }

    /// `2026-03-01T08:15:00Z` as `2026-03-01 08:15 UTC`.
    static func displayTime(_ text: String) -> String {
        guard text.count == 20, text.hasSuffix("Z") else { return text }
        let characters = Array(text)
        return String(characters[0..<10]) + " " + String(characters[11..<16]) + " UTC"
    }

    /// Text escaped for XHTML content and attribute values.
    func escape(_ text: String) -> String {
        Report.escape(text)
    }

    /// Codes, numbers and dates kept left to right inside an Arabic sentence.
    func ltr(_ text: String) -> String {
        "<bdi dir=\"ltr\">\(escape(text))</bdi>"
    }

    private static let style = """
        body{font-family:"Noto Naskh Arabic","Noto Sans","DejaVu Sans",Arial,sans-serif;margin:2em auto;\
        max-width:46em;color:#111;line-height:1.5}\
        header{border-bottom:2px solid #234;margin-bottom:1em}.municipality{margin:0;color:#345;font-weight:bold}\
        h1{font-size:1.5em;margin:.2em 0 .5em}h2{font-size:1.15em;margin-top:1.5em}\
        .outcome{font-size:1.3em;font-weight:bold;padding:.4em .8em;border:2px solid;display:inline-block}\
        .outcome.approved{color:#0a5d2a}.outcome.rejected{color:#8a1212}\
        table{border-collapse:collapse;width:100%}th,td{border:1px solid #bbb;padding:.35em .6em;text-align:start}\
        .facts th{width:30%;background:#f1f4f7}thead th{background:#e6ecf1}\
        .verify{display:flex;gap:1.5em;align-items:flex-start;margin-top:2em;border-top:1px solid #bbb;\
        padding-top:1em;break-inside:avoid}.qr{flex:0 0 11em;width:11em}.qr svg{display:block;width:100%;height:auto}\
        .how{flex:1}.code,.address{font-family:"DejaVu Sans Mono",monospace;font-size:.8em;word-break:break-all;\
        text-align:left}.log{color:#555;font-size:.9em}\
        @media print{body{margin:0;max-width:none}.facts th,thead th{background:none}}
        """
}
