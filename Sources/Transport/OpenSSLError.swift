import CSSL

/// OpenSSL's per-thread error queue, read and emptied after each failed call: libpq shares the queue on the same
/// thread, and a stale entry left there could be reported as one of its own errors.
enum OpenSSLError {
    /// The queue's first message (OpenSSL's reason text, e.g. `"...:certificate verify failed"`), or
    /// `"no detail"`; empties the queue.
    static func take() -> String {
        let code = ERR_get_error()
        var message = "no detail"
        if code != 0 {
            var buffer = [CChar](repeating: 0, count: 256)
            ERR_error_string_n(code, &buffer, buffer.count)
            message = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
        ERR_clear_error()
        return message
    }
}
