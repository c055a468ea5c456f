import Foundation
import Testing
import Transparency

/// End to end: the SVG rasterized by librsvg (`rsvg-convert`) and read back by ZBar (`zbarimg`), two independent
/// implementations. `scripts/test` installs both (Debian librsvg2-bin and zbar-tools); without them the tests are
/// skipped, and say why.
@Suite("QR Code decoding by an independent reader")
struct QRCodeDecodingTests {
    static let tools = ["rsvg-convert", "zbarimg"]

    static func executable(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(name)" }.first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
    }

    static let toolsPresent = tools.allSatisfy { executable($0) != nil }

    /// Runs `tool` with `arguments`; returns its standard output and exit status.
    func run(_ tool: String, _ arguments: [String]) throws -> (output: Data, status: Int32) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.executable(tool)!)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (data, process.terminationStatus)
    }

    /// What zbar reads from `bytes` drawn as a QR Code.
    func decode(_ bytes: [UInt8]) throws -> (code: QRCode, read: [UInt8]) {
        let code = try QRCode(bytes: bytes)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("nafidha-qr-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: false)
        defer { try? FileManager.default.removeItem(at: directory) }
        let svg = directory.appendingPathComponent("code.svg").path
        let png = directory.appendingPathComponent("code.png").path
        try code.svg(moduleSize: 4).write(toFile: svg, atomically: false, encoding: .utf8)
        let render = try run("rsvg-convert", ["--format=png", "--output", png, svg])
        #expect(render.status == 0)
        // --raw: the bytes as they are, no character set guessed; zbar ends each symbol with a newline.
        let scan = try run("zbarimg", ["--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", png])
        #expect(scan.status == 0)
        var read = [UInt8](scan.output)
        if read.last == UInt8(ascii: "\n") { read.removeLast() }
        return (code, read)
    }

    /// Printable ASCII that varies (a decision URL, then a deterministic mix).
    static func payload(length: Int) -> [UInt8] {
        let start = Array("https://nafidha.example/v/TRP/2027-000123?h=".utf8)
        var state: UInt32 = 2_463_534_242
        let rest = (0..<max(0, length - start.count)).map { _ -> UInt8 in
            state ^= state << 13
            state ^= state >> 17
            state ^= state << 5
            return UInt8(0x21 + state % 94)
        }
        return Array((start + rest).prefix(length))
    }

    @Test(
        "zbar reads back 1, 20, 100 and 300 bytes, from version 1 to 13",
        .enabled(if: toolsPresent, "rsvg-convert (librsvg2-bin) and zbarimg (zbar-tools) are not installed"),
        arguments: [(1, 1), (20, 2), (100, 6), (300, 13)])
    func readsBack(length: Int, version: Int) throws {
        let bytes = Self.payload(length: length)
        let (code, read) = try decode(bytes)
        #expect(code.version == version)
        #expect(read == bytes)
    }

    @Test(
        "zbar reads back Arabic text as its UTF-8 bytes",
        .enabled(if: toolsPresent, "rsvg-convert (librsvg2-bin) and zbarimg (zbar-tools) are not installed"))
    func readsArabic() throws {
        let text = "بلدية طرابلس — قرار رقم ٢٠٢٧-٠٠٠١٢٣: تمت الموافقة على طلب رخصة البناء"
        let (_, read) = try decode(Array(text.utf8))
        #expect(String(decoding: read, as: UTF8.self) == text)
    }
}
