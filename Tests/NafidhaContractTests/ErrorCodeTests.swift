import Foundation
import NafidhaContract
import Testing

@Suite("Error codes: statuses, messages and docs/errors.md")
struct ErrorCodeTests {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The codes whose message names something, with the placeholders of their template.
    static let templated: [ErrorCode: [String]] = [
        .invalidStaff: ["{reason}"], .invalidWebhook: ["{reason}"], .staffNotFound: ["{name}"],
        .staffInactive: ["{name}"],
        .taskClaimed: ["{assignee}"],
        .taskNotOpen: ["{status}"], .invalidTransition: ["{action}", "{status}"], .unknownMunicipality: ["{code}"],
        .unknownService: ["{code}"], .serviceNotOffered: ["{service}", "{municipality}"], .invalidParameter: ["{name}"],
        .bodyTooComplex: ["{limit}"],
    ]

    @Test("every code is snake_case with a 4xx or 5xx status, a meaning and a message in each language")
    func everyCodeIsComplete() {
        for code in ErrorCode.allCases {
            #expect(code.rawValue.range(of: "^[a-z][a-z0-9]*(_[a-z0-9]+)*$", options: .regularExpression) != nil)
            #expect((400...599).contains(code.status), "\(code)")
            #expect(code.meaning.hasSuffix("."), "\(code)")
            let message = code.message
            for language in Language.allCases {
                #expect(!message.text(in: language).trimmingCharacters(in: .whitespaces).isEmpty, "\(code) \(language)")
            }
            #expect(message.ar.unicodeScalars.contains { (0x0600...0x06FF).contains($0.value) }, "\(code): ar")
            #expect(message.fr != message.en, "\(code): fr is the English text")
        }
    }

    @Test("templates show their placeholders in every language, and only templated codes have any")
    func templates() {
        for code in ErrorCode.allCases {
            let placeholders = Self.templated[code] ?? []
            for language in Language.allCases {
                let text = code.message.text(in: language)
                for placeholder in placeholders {
                    #expect(text.contains(placeholder), "\(code) \(language)")
                }
                if placeholders.isEmpty { #expect(!text.contains("{"), "\(code) \(language)") }
            }
        }
    }

    @Test("renderers put their typed arguments in every language")
    func renderers() {
        let rendered: [(LocalizedText, [String])] = [
            (ErrorCode.Message.taskClaimed(by: "amina"), ["amina"]),
            (ErrorCode.Message.taskNotOpen(status: .awaitingCitizen), ["awaiting_citizen"]),
            (ErrorCode.Message.invalidTransition(.approve, status: .open), ["open"]),
            (ErrorCode.Message.requestNotCancellable(status: .inReview), ["in_review"]),
            (ErrorCode.Message.staffNotFound(name: "omar"), ["omar"]),
            (ErrorCode.Message.unknownMunicipality(code: "XYZ"), ["‘XYZ’"]),
            (ErrorCode.Message.unknownService(code: "nope"), ["‘nope’"]),
            (ErrorCode.Message.serviceNotOffered(service: "permit", municipality: "TRP"), ["‘permit’", "‘TRP’"]),
            (ErrorCode.Message.invalidParameter(name: "interval"), ["‘interval’"]),
            (
                ErrorCode.Message.dateOutOfRange(name: "from", earliest: "2000-01-01", latest: "2100-01-01"),
                ["‘from’", "2000-01-01", "2100-01-01"]
            ),
            (ErrorCode.Message.bodyTooComplex(.depth(32)), ["32"]),
            (ErrorCode.Message.bodyTooComplex(.members(256)), ["256"]),
            (ErrorCode.Message.bodyTooComplex(.elements(1000)), ["1000"]),
            (ErrorCode.Message.bodyTooComplex(.values(10000)), ["10000"]),
            (
                ErrorCode.Message.invalidQuery(parameter: "status", expected: .oneOf(["open", "active"])),
                ["open", "active"]
            ),
            (ErrorCode.Message.invalidQuery(parameter: "limit", expected: .positiveInteger), ["‘limit’"]),
            (ErrorCode.Message.invalidQuery(parameter: "overdue", expected: .boolean), ["true", "false"]),
            (ErrorCode.Message.outOfScope(.municipality("DJI")), ["‘DJI’"]),
            (ErrorCode.Message.outOfScope(.sector("health")), ["‘health’"]),
            (ErrorCode.Message.outOfScope(.assignee("hiba")), ["‘hiba’"]),
            (ErrorCode.Message.invalidStaff(.unknownSector("space")), ["‘space’"]),
            (ErrorCode.Message.invalidStaff(.tokenLifetime(maximumDays: 366)), ["366"]),
            (ErrorCode.Message.invalidStaff(.invalidPhone("0912")), ["‘0912’"]),
            (ErrorCode.Message.invalidWebhook(.unknownEventType("request.lost")), ["‘request.lost’"]),
            (ErrorCode.Message.invalidWebhook(.invalidURL("has no host")), ["the URL has no host"]),
        ]
        for (text, values) in rendered {
            for language in Language.allCases {
                for value in values { #expect(text.text(in: language).contains(value), "\(text) \(language)") }
                #expect(!text.text(in: language).contains("{"))
            }
        }
        let staff: [StaffProblem] = [
            .invalidName, .clerkWithoutScope, .supervisorWithoutMunicipality, .sectorsOnlyForClerks,
            .unknownMunicipality("X"), .invalidEmail("x"), .invalidPhone("x"),
        ]
        #expect(Set(staff.map { ErrorCode.Message.invalidStaff($0).en }).count == staff.count)
        let actions = TransitionAction.allCases.map { ErrorCode.Message.invalidTransition($0, status: .open) }
        #expect(Set(actions.map(\.ar)).count == actions.count && Set(actions.map(\.fr)).count == actions.count)
    }

    @Test("a client's value is cut to 64 characters and loses its control characters")
    func hostileValues() {
        let long = String(repeating: "a", count: 100)
        #expect(
            ErrorCode.Message.unknownService(code: long).en
                == "No service has the code ‘\(String(repeating: "a", count: 64))…’.")
        #expect(ErrorCode.Message.taskClaimed(by: "x\u{1B}[31my\n").en == "The task is claimed by x[31my.")
        #expect(!ErrorCode.Message.unknownMunicipality(code: "\u{202E}TRP").en.contains("\u{202E}"))
    }

    @Test("docs/errors.md lists every code with its status, meaning and three messages, as the code says")
    func documentation() throws {
        let text = try String(
            contentsOf: Self.repositoryRoot.appendingPathComponent("docs/errors.md"), encoding: .utf8)
        let begin = "<!-- error-codes: generated from ErrorCode; ErrorCodeTests checks it -->\n"
        let end = "<!-- end of error-codes -->"
        let start = try #require(text.range(of: begin), "docs/errors.md lacks the marker \(begin)")
        let stop = try #require(text.range(of: end, range: start.upperBound..<text.endIndex))
        let documented = String(text[start.upperBound..<stop.lowerBound])
        let expected = Self.table()
        #expect(
            documented == expected,
            "docs/errors.md is not what ErrorCode says; the table between its markers should be:\n\(expected)")
    }

    /// The table of every code, as docs/errors.md holds it.
    static func table() -> String {
        func cell(_ text: String) -> String { text.replacingOccurrences(of: "|", with: "\\|") }
        var lines = [
            "| Code | Status | When | English | Français | العربية |", "|---|---|---|---|---|---|",
        ]
        for code in ErrorCode.allCases {
            let message = code.message
            lines.append(
                "| `\(code.rawValue)` | \(code.status) | \(cell(code.meaning)) | \(cell(message.en)) | "
                    + "\(cell(message.fr)) | \(cell(message.ar)) |")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
