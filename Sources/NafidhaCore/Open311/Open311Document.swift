import NafidhaContract

/// A supporting document of a service as the Open311 definition shows it: information only, since GeoReport v2
/// carries no files; the reporter hands it in through `POST /v1/uploads` and the JSON API's `documents`.
struct Open311Document: Sendable, Equatable {
    /// The catalog document's code.
    var code: String
    /// Its name.
    var name: LocalizedText
    /// Whether a submission must include it.
    var required: Bool
    /// The media types it accepts.
    var mediaTypes: [String]
    /// The largest file it accepts, in bytes.
    var maxBytes: Int

    /// Its attribute's code in the definition: `document.` and the document's code, apart from the form fields'.
    var attributeCode: String { "document." + code }

    /// What to send and how, in `language`: the accepted types, the size limit and the upload route.
    static func handIn(_ document: Open311Document, in language: Language) -> String {
        let types = document.mediaTypes.map(shortName).joined(separator: ", ")
        let size = "\(max(1, document.maxBytes >> 20)) MiB"
        return switch language {
        case .arabic: "\(types)، \(size) على الأكثر: يُرفع عبر POST /v1/uploads ويُذكر في documents"
        case .french: "\(types), \(size) au plus : à téléverser par POST /v1/uploads, puis nommé dans documents"
        case .english: "\(types), at most \(size): upload with POST /v1/uploads, then name it in documents"
        }
    }

    private static func shortName(_ mediaType: String) -> String {
        switch mediaType {
        case "application/pdf": "PDF"
        case "image/jpeg": "JPEG"
        case "image/png": "PNG"
        case "image/webp": "WebP"
        default: mediaType
        }
    }
}
