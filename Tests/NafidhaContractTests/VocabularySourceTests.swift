import Foundation
import NafidhaContract
import Testing

/// The domain's words are the contract's enums: outside the contract no status, role or field datatype is compared
/// as a string (`status == "open"`, `case "clerk":`), so renaming one is a compile error, not a silent miss.
@Suite("Statuses, roles and datatypes are compared as enums")
struct VocabularySourceTests {
    static let words = Set(
        TaskStatus.allCases.map(\.rawValue) + RequestStatus.allCases.map(\.rawValue)
            + StaffRole.allCases.map(\.rawValue) + Catalog.FieldDatatype.allCases.map(\.rawValue))

    @Test("no module but the contract compares a status, a role or a datatype with a string literal")
    func noStringComparisons() throws {
        let alternatives = Self.words.sorted().joined(separator: "|")
        let pattern = #"(==|!=)\s*"(\#(alternatives))"|"(\#(alternatives))"\s*(==|!=)|case\s+"(\#(alternatives))"\s*:"#
        let modules = ["NafidhaCore", "NafidhaAPI", "NafidhaCLI", "HTTP", "Postgres", "ArgumentParsing"]
        let files = try modules.flatMap { try ErrorSourceTests.sources(of: $0) }
        #expect(files.count > 200, "the scan found \(files.count) files")
        for line in try ErrorSourceTests.lines(matching: pattern, in: files) {
            Issue.record("compare the contract's enum instead: \(line)")
        }
    }
}
