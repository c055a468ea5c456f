/// Recognises an upload by its first bytes, so that a declared media type is believed only when the file agrees:
/// a PNG declared as PDF, or an HTML or SVG page under any name, is refused (stored XSS through a document that a
/// clerk's browser would render).
enum MediaSniffer {
    /// Bytes of a file's start that `mediaType(of:)` needs to decide.
    static let bytesNeeded = 12

    /// The media type the signature at the start of `bytes` shows, or nil for none of the accepted ones.
    static func mediaType(of bytes: [UInt8]) -> String? {
        if starts(bytes, with: Array("%PDF-".utf8)) { return "application/pdf" }
        if starts(bytes, with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return "image/png" }
        if starts(bytes, with: [0xFF, 0xD8, 0xFF]) { return "image/jpeg" }
        // RIFF, a 4-byte length, then WEBP.
        if starts(bytes, with: Array("RIFF".utf8)), bytes.count >= 12, Array(bytes[8..<12]) == Array("WEBP".utf8) {
            return "image/webp"
        }
        return nil
    }

    private static func starts(_ bytes: [UInt8], with signature: [UInt8]) -> Bool {
        bytes.count >= signature.count && Array(bytes[0..<signature.count]) == signature
    }
}
