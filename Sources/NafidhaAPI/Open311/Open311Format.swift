import HTTP

/// The response format an Open311 URL asks for with its suffix (`services.xml`, `requests/TRP-….json`).
enum Open311Format: String, Sendable, CaseIterable {
    case json
    case xml

    /// Splits `name.fmt` into the name and its format; nil for another or no suffix.
    static func split(_ file: String) -> (name: String, format: Open311Format)? {
        guard let dot = file.lastIndex(of: "."),
            let format = Open311Format(rawValue: String(file[file.index(after: dot)...]))
        else { return nil }
        return (String(file[..<dot]), format)
    }

    /// The media type declared in discovery and sent as Content-Type.
    var mediaType: String {
        switch self {
        case .json: "application/json"
        case .xml: "text/xml"
        }
    }

    /// `document` rendered in this format.
    func response(_ document: Open311Document, status: HTTPResponseStatus = .ok) -> HTTPResponse {
        let text = self == .json ? document.json : document.xml
        return HTTPResponse(
            status: status,
            headers: HTTPHeaders([(name: "Content-Type", value: "\(mediaType); charset=utf-8")]),
            body: .bytes(Array(text.utf8))
        )
    }
}
