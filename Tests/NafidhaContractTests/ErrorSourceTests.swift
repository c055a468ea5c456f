import Foundation
import NafidhaContract
import Testing

/// Error codes and their messages are written in the contract only: the service layer and the routes build every
/// error from an `ErrorCode` (and a renderer of `ErrorCode.Message`, a `FieldReason`), never from a string.
@Suite("Errors are built from the contract")
struct ErrorSourceTests {
    /// The Swift files of `module` under Sources/, with their text.
    static func sources(of module: String) throws -> [(name: String, text: String)] {
        let folder = ErrorCodeTests.repositoryRoot.appendingPathComponent("Sources/" + module)
        let files = try #require(FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String])
        return try files.filter { $0.hasSuffix(".swift") }.sorted().map { name in
            ("\(module)/\(name)", try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8))
        }
    }

    /// The lines of `files` that match `pattern`, as `file:line: text`.
    static func lines(matching pattern: String, in files: [(name: String, text: String)]) throws -> [String] {
        let expression = try NSRegularExpression(pattern: pattern)
        return files.flatMap { file in
            file.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().compactMap { index, line in
                let text = String(line)
                let range = NSRange(text.startIndex..., in: text)
                return expression.firstMatch(in: text, range: range) == nil ? nil : "\(file.name):\(index + 1): \(text)"
            }
        }
    }

    @Test("NafidhaCore and NafidhaAPI write no error code as a string, and build no NafidhaError from one")
    func noCodeLiterals() throws {
        let files = try Self.sources(of: "NafidhaCore") + Self.sources(of: "NafidhaAPI")
        #expect(files.count > 100, "the scan found \(files.count) files")
        for line in try Self.lines(matching: #"code:\s*"|NafidhaError\(\s*""#, in: files) {
            Issue.record("an error code written as a string: \(line)")
        }
        for line in try Self.lines(matching: #"NafidhaError\([^)]*code:"#, in: try Self.sources(of: "NafidhaCLI")) {
            Issue.record("a NafidhaError built from a string code: \(line)")
        }
    }

    @Test("the validation message is written once, in ErrorCode+Messages.swift")
    func validationMessageOnce() throws {
        let modules = ["NafidhaContract", "NafidhaCore", "NafidhaAPI", "NafidhaCLI"]
        let files = try modules.flatMap { try Self.sources(of: $0) }
        let found = try Self.lines(matching: #"The request is invalid\."#, in: files)
        #expect(found.count == 1, "\(found)")
        #expect(found.first?.hasPrefix("NafidhaContract/Errors/ErrorCode+Messages.swift:") == true)
    }

    @Test("every field reason reads in the three languages, and the texts differ")
    func fieldReasons() {
        let reasons: [FieldReason] = [
            .required, .wrongType, .unknownMember, .mustBeObject, .mustBeString, .mustBeBoolean, .mustBeArray,
            .controlCharacters, .channelNeedsContact("applicant.email"),
            .tooLong(maximum: 4000), .tooMany(maximum: 50), .tooManyProblems, .notANumber, .notADate,
            .atLeast("1"), .atMost("9"), .unknownChoice, .duplicateChoice, .invalidNationalID, .invalidBirthYear,
            .invalidPhone, .invalidEmail, .invalidLocation, .latitudeOutOfRange, .longitudeOutOfRange,
            .unsupportedValue, .unknownService, .unknownMunicipality, .serviceNotOffered, .noOffice, .sameQueue,
            .oneOf(["open", "closed"]), .wholeNumber(from: 1, to: 1000), .notAnInstant, .spanTooLong(maximumDays: 90),
            .jurisdictionRequired, .locationRequired, .invalidMediaURL(maximumLength: 2000), .bidiControls,
            .nonCharacters, .lineBreak, .noLetter, .instantOutOfRange(earliest: "2000-01-01", latest: "2100-01-01"),
        ]
        for reason in reasons {
            let text = reason.text
            #expect(text.ar.unicodeScalars.contains { (0x0600...0x06FF).contains($0.value) }, "\(reason): ar")
            #expect(text.fr != text.en && !text.fr.isEmpty && !text.en.isEmpty, "\(reason)")
        }
        #expect(Set(reasons.map(\.text.en)).count == reasons.count, "two reasons read alike")
        #expect(FieldReason.tooLong(maximum: 4000).text.fr.contains("4000"))
        #expect(FieldReason.oneOf(["open", "closed"]).text.ar.contains("closed"))
        #expect(FieldReason.instantOutOfRange(earliest: "2000-01-01", latest: "2100-01-01").text.fr.contains("2100"))
    }
}
