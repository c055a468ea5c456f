import Foundation
import NafidhaContract

/// The file name of an upload, from its `Content-Disposition` (RFC 6266): `filename*=UTF-8''<percent-encoded>`
/// (RFC 8187) preferred over `filename="..."`. A name is only a label for downloads: anything that could act as a
/// path or break a header or a log is refused rather than cleaned, so what is stored is what the citizen sent.
enum UploadFileName {
    /// The name, or nil when the field names none.
    /// - Throws: 400 `invalid_file_name` for a malformed field, a name longer than 255 characters, or one holding
    ///   `/`, `\`, `..`, a control or bidirectional formatting character.
    static func parse(_ field: String) throws -> String? {
        var plain: String?
        var extended: String?
        for parameter in field.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2 else { throw invalid }
            switch pair[0].lowercased() {
            case "filename*":
                let parts = pair[1].split(separator: "'", maxSplits: 2, omittingEmptySubsequences: false)
                guard parts.count == 3, parts[0].lowercased() == "utf-8",
                    let decoded = String(parts[2]).removingPercentEncoding
                else { throw invalid }
                extended = decoded
            case "filename":
                var value = pair[1]
                if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 {
                    value = String(value.dropFirst().dropLast())
                }
                plain = value
            default:
                continue
            }
        }
        guard let name = extended ?? plain else { return nil }
        try check(name)
        return name
    }

    private static func check(_ name: String) throws {
        guard !name.isEmpty, name.count <= UploadService.maximumFileNameLength, !name.contains("/"),
            !name.contains("\\"), !name.contains(".."),
            !name.unicodeScalars.contains(where: { scalar in
                scalar.properties.generalCategory == .control || scalar.properties.generalCategory == .format
            })
        else { throw invalid }
    }

    private static var invalid: NafidhaError { NafidhaError(.invalidFileName) }
}
