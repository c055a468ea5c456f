import ArgumentParsing
import NafidhaContract

/// The change a catalog file makes, as `nafidha admin catalog apply` prints it: one line per thing (`+` added, `~`
/// changed, `-` removed, `×` disabled), its changed members indented (`path: before → after`), then the totals and
/// what happened. Codes, paths and values are the file's; the sentences are in the chosen language.
struct CatalogChangePrinter {
    let language: Language

    func print(_ result: Catalog.ApplyResult, to output: any TextOutput) {
        for change in result.changes {
            var line = "\(Self.sign(change.action)) \(change.kind.rawValue) \(change.key)"
            if change.action == .disabled { line += " " + text(Self.disabledNote) }
            if let open = change.openRequests, open > 0 { line += " " + text(Self.openNote(open)) }
            output.writeLine(line)
            for detail in change.details {
                output.writeLine("    \(detail.path): \(detail.before ?? "—") → \(detail.after ?? "—")")
            }
        }
        let summary = result.summary
        output.writeLine(text(Self.totals(summary)))
        if let version = result.version {
            output.writeLine(text(Self.applied(version.number, base: result.baseVersion)))
        } else if summary.isEmpty {
            output.writeLine(text(Self.unchanged(result.baseVersion)))
        } else {
            output.writeLine(text(Self.dryRun))
        }
    }

    private func text(_ value: LocalizedText) -> String { value.text(in: language) }

    private static func sign(_ action: Catalog.ChangeAction) -> String {
        switch action {
        case .added: "+"
        case .changed: "~"
        case .removed: "-"
        case .disabled: "×"
        }
    }

    private static let disabledNote = LocalizedText(
        ar: "(معطّلة لا محذوفة: طلبات تشير إليها)", fr: "(désactivé, pas supprimé : des demandes le citent)",
        en: "(disabled, not deleted: requests name it)")

    private static func openNote(_ count: Int) -> LocalizedText {
        LocalizedText(
            ar: "(\(count) طلباً مفتوحاً يحتفظ بمساره)", fr: "(\(count) demandes ouvertes gardent leur circuit)",
            en: "(\(count) open requests keep their workflow)")
    }

    private static func totals(_ summary: Catalog.ChangeSummary) -> LocalizedText {
        LocalizedText(
            ar: "أضيف \(summary.added)، تغيّر \(summary.changed)، حُذف \(summary.removed)، عُطّل \(summary.disabled).",
            fr: "\(summary.added) ajoutés, \(summary.changed) modifiés, \(summary.removed) retirés, "
                + "\(summary.disabled) désactivés.",
            en: "\(summary.added) added, \(summary.changed) changed, \(summary.removed) removed, \(summary.disabled) "
                + "disabled.")
    }

    private static func applied(_ number: Int64, base: Int64) -> LocalizedText {
        LocalizedText(
            ar: "طُبّق بوصفه الإصدار \(number) من الدليل (بعد الإصدار \(base)).",
            fr: "Appliqué : version \(number) du catalogue (après la version \(base)).",
            en: "Applied as catalog version \(number) (after version \(base)).")
    }

    private static func unchanged(_ base: Int64) -> LocalizedText {
        LocalizedText(
            ar: "لا تغيير: الدليل هو هذا الملف (الإصدار \(base)).",
            fr: "Rien à changer : le catalogue est déjà ce fichier (version \(base)).",
            en: "Nothing to change: the catalog is already this file (version \(base)).")
    }

    private static let dryRun = LocalizedText(
        ar: "تجربة فقط: لم يُطبَّق شيء.", fr: "Essai à blanc : rien n'a été appliqué.",
        en: "Dry run: nothing was applied.")
}
