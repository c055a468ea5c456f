import Foundation
import NafidhaContract

/// A counter receipt as printed (`nafidha pay`): plain text for the terminal, or one self-contained XHTML page for
/// the counter's printer, Arabic first and right to left, French and English beside each label; no script, no
/// external resource, every value escaped.
public struct ReceiptPrintout: Sendable {
    /// The receipt printed.
    public let receipt: Payments.Receipt

    /// The printout of `receipt`.
    public init(receipt: Payments.Receipt) {
        self.receipt = receipt
    }

    /// The lines: label and value, in the order a counter reads them.
    var rows: [(label: LocalizedText, value: String)] {
        var rows: [(LocalizedText, String)] = [
            (LocalizedText(ar: "رقم الإيصال", fr: "Reçu n°", en: "Receipt"), receipt.number),
            (LocalizedText(ar: "الفاتورة", fr: "Facture", en: "Bill"), receipt.bill.number),
            (LocalizedText(ar: "رقم المتابعة", fr: "Demande", en: "Request"), receipt.trackingNumber),
            (LocalizedText(ar: "الخدمة", fr: "Service", en: "Service"), receipt.service),
            (
                LocalizedText(ar: "المبلغ", fr: "Montant", en: "Amount"),
                "\(receipt.money.amount) \(receipt.money.currency)"
            ),
            (LocalizedText(ar: "طريقة الدفع", fr: "Mode", en: "Method"), receipt.method.rawValue),
            (LocalizedText(ar: "أمين الصندوق", fr: "Caissier", en: "Cashier"), receipt.cashier),
            (LocalizedText(ar: "التاريخ", fr: "Date", en: "Paid at"), Self.instant(receipt.paidAt)),
        ]
        if let reference = receipt.reference {
            rows.insert((LocalizedText(ar: "المرجع", fr: "Référence", en: "Reference"), reference), at: 6)
        }
        if let cancelled = receipt.cancelledAt {
            rows.append(
                (
                    LocalizedText(ar: "ملغى", fr: "Annulé", en: "Cancelled"),
                    Self.instant(cancelled) + " " + (receipt.cancellationReason ?? "")
                ))
        }
        return rows
    }

    /// An instant as printed: `2026-03-01T08:15:00Z`.
    static func instant(_ date: Date) -> String {
        // ISO8601DateFormatter is not Sendable: a fresh one per call.
        ISO8601DateFormatter().string(from: date)
    }

    /// The receipt as lines of text, one `label: value` each, the English label first (a terminal shows Arabic
    /// poorly), then the Arabic.
    public func text() -> String {
        let title = "Nafidha receipt / إيصال دفع — \(receipt.municipality)"
        return ([title] + rows.map { "\($0.label.en) / \($0.label.ar): \($0.value)" }).joined(separator: "\n")
    }

    /// The receipt as a printable XHTML page, Arabic first and right to left.
    public func html() -> String {
        let body = rows.map { row in
            "<tr><th>\(Report.escape(row.label.ar))<br/><small>\(Report.escape(row.label.fr)) · "
                + "\(Report.escape(row.label.en))</small></th><td><bdi dir=\"ltr\">\(Report.escape(row.value))</bdi></td></tr>"
        }.joined(separator: "\n")
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE html>
            <html xmlns="http://www.w3.org/1999/xhtml" lang="ar" dir="rtl">
            <head><meta charset="UTF-8"/><title>\(Report.escape(receipt.number))</title>
            <style>body{font-family:"Noto Naskh Arabic","DejaVu Sans",sans-serif;max-width:30em;margin:1em auto}\
            table{border-collapse:collapse;width:100%}th,td{border:1px solid #999;padding:.3em .5em;text-align:start}\
            .cancelled{color:#8a1212;font-weight:bold}</style></head>
            <body>
            <h1>إيصال دفع <small>Reçu · Receipt</small></h1>
            <p>\(Report.escape(receipt.municipality))</p>\(receipt.cancelledAt == nil ? "" : "\n<p class=\"cancelled\">ملغى · Annulé · Cancelled</p>")
            <table>
            \(body)
            </table>
            </body>
            </html>

            """
    }
}
