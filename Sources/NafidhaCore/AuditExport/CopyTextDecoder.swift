/// Undoes the backslash escapes of PostgreSQL's COPY text format for a one-column COPY, chunk by chunk.
///
/// The JSON lines export is COPY's text format of one `json` column: JSON never holds raw control characters, so
/// only `\\` occurs in practice, but every escape COPY writes is undone. An escape split across two chunks is
/// carried over.
struct CopyTextDecoder {
    private var pendingBackslash = false

    /// Decodes `chunk`, keeping a trailing lone backslash for the next chunk.
    mutating func decode(_ chunk: [UInt8]) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(chunk.count)
        for byte in chunk {
            if pendingBackslash {
                pendingBackslash = false
                switch byte {
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "v"): out.append(0x0B)
                default: out.append(byte)
                }
            } else if byte == UInt8(ascii: "\\") {
                pendingBackslash = true
            } else {
                out.append(byte)
            }
        }
        return out
    }
}
