extension QueryParameters {
    /// Parses an `application/x-www-form-urlencoded` string such as a query or a form body.
    ///
    /// Pairs are separated by `&`, names from values by the first `=`; `+` reads as a space and escapes are
    /// decoded. Empty pairs are skipped; a name without `=` gets the empty value.
    /// - Throws: `invalid_query` (400) for a malformed escape, a NUL or invalid UTF-8.
    public init(parsing query: String) throws(HTTPParseError) {
        self = try Array(query.utf8).withUnsafeBufferPointer { bytes throws(HTTPParseError) in
            try QueryParameters(decoding: bytes)
        }
    }

    init(decoding bytes: UnsafeBufferPointer<UInt8>) throws(HTTPParseError) {
        self.init()
        var start = 0
        while start <= bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != ASCII.ampersand { end += 1 }
            if end > start {
                try appendPair(UnsafeBufferPointer(rebasing: bytes[start..<end]))
            }
            start = end + 1
        }
    }

    private mutating func appendPair(_ pair: UnsafeBufferPointer<UInt8>) throws(HTTPParseError) {
        let split = pair.firstIndex(of: ASCII.equals) ?? pair.count
        let nameBytes = UnsafeBufferPointer(rebasing: pair[0..<split])
        let valueBytes = UnsafeBufferPointer(rebasing: pair[Swift.min(split + 1, pair.count)...])
        guard let name = PercentDecoding.string(nameBytes, plusAsSpace: true),
            let value = PercentDecoding.string(valueBytes, plusAsSpace: true)
        else {
            throw .badQuery("The query has a malformed percent-escape, a NUL or invalid UTF-8.")
        }
        append(name: name, value: value)
    }
}
