/// The multipart boundary: `=_nafidha_` and 32 random hexadecimal digits.
///
/// Random for good measure, but safe by construction: every part is quoted-printable or base64, and neither can
/// produce `=_` (quoted-printable writes `=` only before two hexadecimal digits or a line end; base64 writes `=`
/// only as final padding, and never `_`), so no line of a part can begin with `--=_nafidha_` (RFC 2046 §5.1.1).
enum MIMEBoundary {
    static let prefix = "=_nafidha_"

    static func random() -> String {
        var generator = SystemRandomNumberGenerator()
        let digits = Array("0123456789abcdef")
        return prefix + String((0..<32).map { _ in digits[Int(generator.next() % 16)] })
    }
}
