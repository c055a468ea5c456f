import Foundation
import NafidhaContract

/// One `--document TYPE=PATH` of `nafidha file`: a catalog document's code and the file a counter clerk scanned for
/// it. The file is uploaded first (`POST /v1/uploads`, its media type from its extension; the server checks it
/// against the file's first bytes), and the submission names the upload (docs/documents.md).
struct DocumentAttachment: Equatable {
    /// The catalog document's code (`national_id_copy`).
    let type: String
    /// The file, as given.
    let path: String
    /// The media type its extension names.
    let mediaType: String

    /// The largest file read (64 MiB): the server's limit is lower (`NAFIDHA_UPLOAD_MAX_BYTES`, 20 MiB by default)
    /// and answers `413` above it; this only keeps the CLI from reading a wrong, huge file into memory.
    static let maximumBytes = 64 << 20

    private static let mediaTypes = [
        "pdf": "application/pdf", "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "webp": "image/webp",
    ]

    /// `TYPE=PATH`; the reason when it is not that, or the extension is not one of PDF, PNG, JPEG or WebP.
    init(_ word: String) throws(DocumentAttachmentError) {
        guard let equals = word.firstIndex(of: "="), equals != word.startIndex,
            word.index(after: equals) != word.endIndex
        else { throw DocumentAttachmentError("expected TYPE=PATH") }
        type = String(word[..<equals])
        path = String(word[word.index(after: equals)...])
        let suffix = URL(fileURLWithPath: path).pathExtension.lowercased()
        guard let mediaType = Self.mediaTypes[suffix] else {
            throw DocumentAttachmentError("the file must end in .pdf, .png, .jpg, .jpeg or .webp")
        }
        self.mediaType = mediaType
    }

    /// Reads the file (relative paths from `directory`) and uploads it; the reference the submission names.
    func upload(with client: StaffClient, from directory: String) throws(ClientFailure) -> Documents.Reference {
        let absolute = path.hasPrefix("/") ? path : directory + "/" + path
        guard let handle = FileHandle(forReadingAtPath: absolute) else {
            throw .unsendable("cannot read \(path) (--document \(type))")
        }
        defer { try? handle.close() }
        guard let data = try? handle.read(upToCount: Self.maximumBytes + 1), data.count <= Self.maximumBytes else {
            throw .unsendable("\(path) (--document \(type)) is unreadable or larger than 64 MiB")
        }
        let upload = try client.upload(Array(data), mediaType: mediaType)
        return Documents.Reference(type: type, uploadID: upload.uploadID)
    }
}

/// Why a `--document` word is refused.
struct DocumentAttachmentError: Error {
    let reason: String

    init(_ reason: String) {
        self.reason = reason
    }
}
