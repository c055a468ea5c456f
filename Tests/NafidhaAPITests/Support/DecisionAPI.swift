import Foundation
import NafidhaAPI
import NafidhaContract
import NafidhaCore
import TestSupport
import Testing

extension APIClient {
    /// A client over the router of `services` (a world's, which may sign), with the verification's `limits`.
    init(services: NafidhaServices, limits: VerificationLimits = VerificationLimits()) {
        var settings = APIRouter.Settings()
        settings.verification = limits
        router = APIRouter.make(services: services, settings: settings)
    }

    /// The decision route of `decided` with its token, `query` appended.
    func decision(_ decided: DecisionFixture.Decided, query: String = "", headers: [(String, String)] = []) throws
        -> APIResponse
    {
        try send(
            "GET", "/v1/requests/\(decided.tracking)/decision\(query)",
            headers: [("Authorization", "Bearer \(decided.token)")] + headers)
    }
}

/// The tools that read a page's QR Code back, and where they are.
enum QRReader {
    static func executable(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(name)" }.first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
    }

    static let present = executable("rsvg-convert") != nil && executable("zbarimg") != nil

    /// The bytes ZBar reads from `svg` once librsvg has rasterized it at 6 pixels per module.
    static func read(svg: String) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nafidha-decision-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
        defer { try? FileManager.default.removeItem(at: folder) }
        let svgPath = folder.appendingPathComponent("qr.svg").path
        let pngPath = folder.appendingPathComponent("qr.png").path
        try svg.write(toFile: svgPath, atomically: false, encoding: .utf8)
        _ = try run("rsvg-convert", ["--width=400", "--height=400", "--format=png", "--output", pngPath, svgPath])
        var read = try run("zbarimg", ["--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", pngPath])
        if read.last == "\n" { read.removeLast() }
        return read
    }

    private static func run(_ tool: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(executable(tool)))
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "\(tool) failed")
        return String(decoding: data, as: UTF8.self)
    }
}
