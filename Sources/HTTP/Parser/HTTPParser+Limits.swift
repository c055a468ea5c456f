extension HTTPParser {
    /// Bounds on what one request may make the parser hold or count.
    public struct Limits: Sendable, Equatable {
        /// Bytes of the request line and header section, CRLFs included (431 beyond). Default 16 KiB.
        public var maxHeaderBytes: Int
        /// Bytes of the request-target (414 beyond). Default 8 KiB.
        public var maxTargetBytes: Int
        /// Bytes of body, from Content-Length up front or summed over chunks (413 beyond). Default 1 MiB.
        public var maxBodyBytes: Int
        /// Header fields, duplicates included (431 beyond). Default 100.
        public var maxHeaderCount: Int
        /// Bytes of the trailer section after the last chunk, CRLFs included (431 beyond). Default 4 KiB.
        public var maxTrailerBytes: Int
        /// Trailer fields (431 beyond). Default 20.
        public var maxTrailerCount: Int
        /// Bytes of one chunk-size line with its extensions, CRLF excluded (400 beyond). Default 1 KiB.
        public var maxChunkLineBytes: Int

        /// Creates limits; every argument has the documented default.
        public init(
            maxHeaderBytes: Int = 16 * 1024,
            maxTargetBytes: Int = 8 * 1024,
            maxBodyBytes: Int = 1 << 20,
            maxHeaderCount: Int = 100,
            maxTrailerBytes: Int = 4 * 1024,
            maxTrailerCount: Int = 20,
            maxChunkLineBytes: Int = 1024
        ) {
            self.maxHeaderBytes = maxHeaderBytes
            self.maxTargetBytes = maxTargetBytes
            self.maxBodyBytes = maxBodyBytes
            self.maxHeaderCount = maxHeaderCount
            self.maxTrailerBytes = maxTrailerBytes
            self.maxTrailerCount = maxTrailerCount
            self.maxChunkLineBytes = maxChunkLineBytes
        }
    }
}
