/// The parts of a request-target (RFC 9112 §3.2) the application routes on.
struct RequestTarget {
    var path: String
    /// The path still percent-encoded (`/` for an absolute URI without a path, `*` for the asterisk-form).
    var rawPath: String
    var rawQuery: String?
    var query: QueryParameters

    /// Parses origin-form, absolute-form (`http`/`https` only) and, for OPTIONS, asterisk-form.
    ///
    /// Authority-form belongs to CONNECT, which is refused before the target is read.
    static func parse(_ target: UnsafeBufferPointer<UInt8>, isOptions: Bool) throws(HTTPParseError) -> RequestTarget {
        for byte in target where !isTargetByte(byte) {
            throw .badTarget("The request-target holds a byte not allowed in a URI.")
        }
        if target.first == ASCII.slash {
            return try originForm(target, from: 0)
        }
        if target.count == 1, target[0] == 0x2A {
            guard isOptions else { throw .badTarget("Only OPTIONS may use the asterisk-form target.") }
            return RequestTarget(path: "*", rawPath: "*", rawQuery: nil, query: QueryParameters())
        }
        return try absoluteForm(target)
    }

    private static func absoluteForm(_ target: UnsafeBufferPointer<UInt8>) throws(HTTPParseError) -> RequestTarget {
        guard let colon = target.firstIndex(of: ASCII.colon),
            ASCII.bytes(UnsafeBufferPointer(rebasing: target[0..<colon]), equalLowercase: "http")
                || ASCII.bytes(UnsafeBufferPointer(rebasing: target[0..<colon]), equalLowercase: "https"),
            target.count >= colon + 3, target[colon + 1] == ASCII.slash, target[colon + 2] == ASCII.slash
        else { throw .badTarget("The request-target is neither origin-form nor an http(s) absolute URI.") }
        let authorityStart = colon + 3
        var authorityEnd = authorityStart
        while authorityEnd < target.count, target[authorityEnd] != ASCII.slash, target[authorityEnd] != ASCII.question {
            authorityEnd += 1
        }
        let authority = target[authorityStart..<authorityEnd]
        // RFC 9110 §4.2.4: userinfo in an http(s) URI is to be treated as an error.
        guard !authority.isEmpty, !authority.contains(0x40) else {
            throw .badTarget("The absolute URI has an empty authority or carries userinfo.")
        }
        if authorityEnd == target.count || target[authorityEnd] == ASCII.question {
            var parsed = try originForm(target, from: authorityEnd)
            parsed.path = "/"
            parsed.rawPath = "/"
            return parsed
        }
        return try originForm(target, from: authorityEnd)
    }

    private static func originForm(_ target: UnsafeBufferPointer<UInt8>, from start: Int) throws(HTTPParseError)
        -> RequestTarget
    {
        var pathEnd = start
        while pathEnd < target.count, target[pathEnd] != ASCII.question { pathEnd += 1 }
        guard
            let path = PercentDecoding.string(
                UnsafeBufferPointer(rebasing: target[start..<pathEnd]), plusAsSpace: false)
        else {
            throw .badTarget("The path has a malformed percent-escape, a NUL or invalid UTF-8.")
        }
        let rawPath = String(decoding: UnsafeBufferPointer(rebasing: target[start..<pathEnd]), as: UTF8.self)
        guard pathEnd < target.count else {
            return RequestTarget(path: path, rawPath: rawPath, rawQuery: nil, query: QueryParameters())
        }
        let queryBytes = UnsafeBufferPointer(rebasing: target[(pathEnd + 1)...])
        return RequestTarget(
            path: path,
            rawPath: rawPath,
            rawQuery: String(decoding: queryBytes, as: UTF8.self),
            query: try QueryParameters(decoding: queryBytes)
        )
    }

    /// The bytes RFC 3986 allows in a URI (unreserved, reserved and `%`), without the fragment's `#`.
    @inline(__always)
    private static func isTargetByte(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: true
        // - . _ ~ : / ? [ ] @ ! $ & ' ( ) * + , ; = %
        case 0x2D, 0x2E, 0x5F, 0x7E, 0x3A, 0x2F, 0x3F, 0x5B, 0x5D, 0x40, 0x21, 0x24, 0x26, 0x27,
            0x28, 0x29, 0x2A, 0x2B, 0x2C, 0x3B, 0x3D, 0x25:
            true
        default: false
        }
    }
}
