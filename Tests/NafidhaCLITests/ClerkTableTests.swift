import ArgumentParsing
import Foundation
import Testing

@testable import NafidhaCLI

@Suite("Clerk CLI tables and credentials")
struct ClerkTableTests {
    @Test("display width ignores Arabic vowel marks and isolates, and counts wide characters twice")
    func displayWidth() {
        #expect(TerminalTable.displayWidth("abc") == 3)
        #expect(TerminalTable.displayWidth("شَهادة") == 5)
        #expect(TerminalTable.displayWidth("\u{2068}الصحة\u{2069}") == 5)
        #expect(TerminalTable.displayWidth("日本") == 4)
    }

    @Test("columns stay aligned with Arabic, French and mixed cells, and right-to-left cells are isolated")
    func alignment() {
        var table = TerminalTable(headers: ["A", "NAME", "Z"])
        table.rows = [["1", "شَهادة إقامة", "x"], ["22", "Certificat de résidence", "y"], ["3", "TRP شهادة 2", "z"]]
        let lines = table.render(style: TerminalStyle(colour: false)).split(separator: "\n").map(String.init)
        let lastColumn = lines.map { line in TerminalTable.displayWidth(String(line.dropLast())) }
        #expect(Set(lastColumn).count == 1, "\(lines)")
        #expect(lines[1].contains("\u{2068}شَهادة إقامة\u{2069}") && !lines[2].contains("\u{2068}"))
        #expect(!lines.joined().contains("\u{1B}["))
    }

    @Test("a cell never obeys what it holds: overrides dropped, controls shown as U+FFFD, Arabic isolated per line")
    func hostileCells() {
        #expect(TerminalTable.isolated("evil\u{202E}txt.exe") == "eviltxt.exe")
        #expect(TerminalTable.isolated("red\u{1B}[31m") == "red\u{FFFD}[31m")
        #expect(TerminalTable.isolated("a\u{2028}b\u{FFFE}") == "a\u{FFFD}b\u{FFFD}")
        #expect(TerminalTable.isolated("\u{2067}سلام") == "\u{2068}سلام\u{2069}")
        #expect(TerminalTable.isolated("سطر\nline") == "\u{2068}سطر\u{2069}\nline")
        #expect(TerminalTable.isolated("x\u{200F}") == "\u{2068}x\u{200F}\u{2069}")
        var table = TerminalTable(headers: ["FIELD", "VALUE"])
        table.rows = [["applicant_name", "\u{202E}Amina\u{2066}"], ["description", "ok"]]
        let text = table.render(style: TerminalStyle(colour: false))
        #expect(!text.unicodeScalars.contains { (0x202A...0x202E).contains($0.value) || $0.value == 0x2066 })
    }

    @Test("colour is used only when asked for, and NO_COLOR turns it off even on a terminal")
    func colour() {
        #expect(TerminalStyle(colour: true).red("x") == "\u{1B}[31mx\u{1B}[0m")
        #expect(TerminalStyle(colour: false).red("x") == "x")
        let context = CommandContext(
            environment: ["NO_COLOR": "1"], currentDirectory: "/",
            standardOutput: FileDescriptorOutput.standardOutput, standardError: TextBuffer())
        #expect(!TerminalStyle(context: context).colour)
    }

    @Test("login refuses a server it cannot reach and stores nothing")
    func loginUnreachable() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let run = runNafidha(
            ["login", "--url", "http://127.0.0.1:1"], environment: ["HOME": folder.path, "NAFIDHA_TOKEN": "nfs_x"])
        #expect(run.code == 69)
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/.config/nafidha/credentials"))
    }

    @Test("stored credentials are readable by their owner only and read back")
    func credentialsFile() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = try #require(ClientCredentials.file(environment: ["HOME": folder.path]))
        try ClientCredentials(url: "http://x", token: "nfs_t").write(to: path)
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(ClientCredentials.read(path) == ClientCredentials(url: "http://x", token: "nfs_t"))
        let context = CommandContext(
            environment: ["HOME": folder.path, "NAFIDHA_URL": "http://y"], currentDirectory: "/",
            standardOutput: TextBuffer(), standardError: TextBuffer())
        #expect(try ClientCredentials.resolve(context: context) == ClientCredentials(url: "http://y", token: "nfs_t"))
    }
}
