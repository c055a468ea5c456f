extension QRCode {
    /// The light margin around the symbol that ISO/IEC 18004 requires, in modules.
    public static let quietZone = 4

    /// The symbol as an inline SVG document: a `viewBox` in modules (quiet zone included), a white background and
    /// one `<path>` of horizontal runs of dark modules, `shape-rendering="crispEdges"` so that no edge is
    /// anti-aliased, and no external reference (no font, image, link or style sheet).
    /// - Parameter moduleSize: when given, `width` and `height` in CSS pixels of that many per module; otherwise
    ///   the image scales to its container.
    public func svg(moduleSize: Int? = nil) -> String {
        let side = size + 2 * Self.quietZone
        var dimensions = ""
        if let moduleSize {
            precondition(moduleSize > 0, "a module is at least one pixel")
            dimensions = " width=\"\(side * moduleSize)\" height=\"\(side * moduleSize)\""
        }
        var path = ""
        for y in 0..<size {
            var x = 0
            while x < size {
                guard isDark(x: x, y: y) else {
                    x += 1
                    continue
                }
                let start = x
                while x < size && isDark(x: x, y: y) {
                    x += 1
                }
                let run = x - start
                path += "M\(start + Self.quietZone) \(y + Self.quietZone)h\(run)v1h-\(run)z"
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(side) \(side)\"\(dimensions)"
            + " shape-rendering=\"crispEdges\">"
            + "<rect width=\"\(side)\" height=\"\(side)\" fill=\"#fff\"/>"
            + "<path fill=\"#000\" d=\"\(path)\"/></svg>\n"
    }
}
