import Foundation
import NafidhaContract

/// The receipt a counter clerk prints for the citizen after filing for them (docs/counter.md): Arabic first, then
/// the clerk's language when it is another, with the tracking number and the access token the citizen needs to
/// follow the request. As plain text for a terminal or a receipt printer, and as one self-contained XHTML page
/// (`dir="rtl"`, no script or external resource). Codes, numbers and the token are isolated left to right, so the
/// bidirectional algorithm never reorders them inside the Arabic lines.
///
/// The access token is a secret: whoever holds it follows and acts on the request. The CLI writes the page to a
/// file only its owner may read.
public struct CounterReceipt: Sendable {
    /// What the server answered the filing.
    public let receipt: Intake.Receipt
    /// The second language of the labels; Arabic alone when it is Arabic.
    public let language: Language

    /// The receipt of `receipt`, labelled in Arabic and `language`.
    public init(receipt: Intake.Receipt, language: Language) {
        self.receipt = receipt
        self.language = language
    }

    /// One line of the receipt: its label in each language and its value, which reads left to right.
    private struct Line {
        var label: LocalizedText
        var value: String
    }

    private var lines: [Line] {
        var lines = [
            Line(label: Self.trackingNumber, value: receipt.trackingNumber),
            Line(label: Self.accessToken, value: receipt.accessToken),
            Line(label: Self.service, value: receipt.service),
            Line(label: Self.municipality, value: receipt.municipality),
            Line(label: Self.submittedAt, value: Self.minute(receipt.submittedAt)),
        ]
        if let bill = receipt.bill {
            // Awaiting payment: the clock starts when the bill is paid, so there is no due date yet.
            lines.append(Line(label: Self.billNumber, value: bill.number))
            lines.append(Line(label: Self.billAmount, value: "\(bill.money.amount) \(bill.money.currency)"))
            lines.append(Line(label: Self.billDueAt, value: Self.minute(bill.dueAt)))
        } else if let amount = receipt.amount, receipt.amountMinor != 0 {
            lines.append(Line(label: Self.fee, value: "\(amount) \(receipt.currency)"))
        }
        if let dueAt = receipt.dueAt {
            lines.append(Line(label: Self.dueAt, value: Self.minute(dueAt) + " (\(receipt.slaDays))"))
        }
        return lines
    }

    /// The labels in Arabic, then in `language` when it is not Arabic.
    private func labels(_ text: LocalizedText) -> [String] {
        language == .arabic ? [text.ar] : [text.ar, text.text(in: language)]
    }

    /// The receipt as plain text, one fact a line: `label / label: value`.
    public var text: String {
        var out = labels(Self.title).joined(separator: " / ") + "\n"
        for line in lines {
            out += labels(line.label).joined(separator: " / ") + ": " + Self.isolated(line.value) + "\n"
        }
        out += "\n" + labels(Self.keep).joined(separator: "\n") + "\n"
        return out
    }

    /// The receipt as one XHTML page, right to left, every text escaped.
    public var html: String {
        let title = labels(Self.title).map(HTMLText.escape).joined(separator: " / ")
        var rows = ""
        for line in lines {
            let label = labels(line.label).map(HTMLText.escape).joined(separator: "<br/>")
            rows += "<tr><th>\(label)</th><td><bdi dir=\"ltr\">\(HTMLText.escape(line.value))</bdi></td></tr>\n"
        }
        let keep = labels(Self.keep).enumerated().map { index, text in
            index == 0 ? "<p>\(HTMLText.escape(text))</p>" : "<p dir=\"ltr\">\(HTMLText.escape(text))</p>"
        }.joined(separator: "\n")
        return """
            <!DOCTYPE html>
            <html xmlns="http://www.w3.org/1999/xhtml" lang="ar" dir="rtl">
            <head>
            <meta charset="utf-8"/>
            <title>\(title)</title>
            <style>\(Self.style)</style>
            </head>
            <body>
            <h1>\(title)</h1>
            <table><tbody>
            \(rows)</tbody></table>
            \(keep)
            </body>
            </html>

            """
    }

    private static let style =
        "body{font-family:sans-serif;margin:1.5em}table{border-collapse:collapse}"
        + "th,td{border:1px solid #444;padding:.4em .6em;text-align:start}td{font-family:monospace;font-size:1.1em}"

    /// `value` between a left-to-right isolate and its pop (U+2066, U+2069).
    private static func isolated(_ value: String) -> String {
        "\u{2066}\(value)\u{2069}"
    }

    /// An instant in UTC to the minute: `2026-06-01 07:00 UTC`.
    private static func minute(_ instant: Date) -> String {
        String(ISO8601DateFormatter().string(from: instant).prefix(16)).replacingOccurrences(of: "T", with: " ")
            + " UTC"
    }

    private static let title = LocalizedText(
        ar: "إيصال إيداع طلب", fr: "Récépissé de dépôt de demande", en: "Receipt of your request")
    private static let trackingNumber = LocalizedText(ar: "رقم المتابعة", fr: "Numéro de suivi", en: "Tracking number")
    private static let accessToken = LocalizedText(ar: "رمز الوصول", fr: "Jeton d'accès", en: "Access token")
    private static let service = LocalizedText(ar: "الخدمة", fr: "Service", en: "Service")
    private static let municipality = LocalizedText(ar: "البلدية", fr: "Municipalité", en: "Municipality")
    private static let submittedAt = LocalizedText(ar: "تاريخ الإيداع", fr: "Déposée le", en: "Filed at")
    private static let dueAt = LocalizedText(
        ar: "الأجل (أيام عمل)", fr: "Échéance (jours ouvrés)", en: "Due (working days)")
    private static let fee = LocalizedText(ar: "الرسوم", fr: "Frais", en: "Fee")
    private static let billNumber = LocalizedText(ar: "رقم الفاتورة", fr: "Numéro de facture", en: "Bill number")
    private static let billAmount = LocalizedText(ar: "المبلغ المستحق", fr: "Montant dû", en: "Amount due")
    private static let billDueAt = LocalizedText(
        ar: "آخر أجل للدفع", fr: "À payer avant le", en: "Pay before")
    private static let keep = LocalizedText(
        ar: "احتفظ بهذا الإيصال: رقم المتابعة ورمز الوصول يتيحان لك متابعة طلبك. لا تُطلع أحدًا على الرمز.",
        fr: "Gardez ce récépissé : le numéro de suivi et le jeton d'accès vous permettent de suivre votre demande. "
            + "Ne montrez le jeton à personne.",
        en: "Keep this receipt: the tracking number and the access token let you follow your request. "
            + "Show the token to no one.")
}
