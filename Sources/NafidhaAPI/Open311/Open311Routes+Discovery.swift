import HTTP

extension Open311Routes {
    /// The date of the façade's last change, as discovery's `changeset`: clients re-read the services after it moves.
    static let changeset = "2026-11-29T00:00:00Z"

    /// `GET discovery.{fmt}`: where the façade lives and what it speaks. The URL is built from the request's
    /// `Host` (and `X-Forwarded-Proto` behind a TLS proxy), so it is right behind any name.
    static func discovery(_ request: HTTPRequest) -> Open311Document {
        let host = request.headers.first(name: "Host") ?? "localhost"
        let scheme = request.headers.first(name: "X-Forwarded-Proto") == "https" ? "https" : "http"
        let endpoint = Open311Node.object([
            ("specification", .text("http://wiki.open311.org/GeoReport_v2")),
            ("url", .text("\(scheme)://\(host)\(prefix)")),
            ("changeset", .text(changeset)),
            ("type", .text("production")),
            ("formats", .list(item: "format", Open311Format.allCases.map { .text($0.mediaType) })),
        ])
        return Open311Document(
            root: "discovery",
            node: .object([
                ("changeset", .text(changeset)),
                ("contact", .text("Your municipality's one-stop window (Nafidha); see docs/open311.md.")),
                (
                    "key_service",
                    .text("API keys are issued by the operator: nafidha admin create-api-key --name NAME.")
                ),
                ("endpoints", .list(item: "endpoint", [endpoint])),
            ]))
    }
}
