extension Routes {
    /// `GET /v1/requests/{tracking}/decision?format=json` with the citizen's access token: the decision document.
    public static let decision = Route<NoBody, Decisions.Document>(.get, decisionPath)
    /// `GET /v1/requests/{tracking}/decision`: the same decision as a printable HTML page, read as bytes.
    public static let decisionPage = Route<NoBody, RawBody>(.get, decisionPath)
    /// `GET /v1/verify/{code}`: public, rate-limited; whether the decision of a verification code verifies.
    public static let verifyCode = Route<NoBody, Decisions.Verification>(.get, "/v1/verify/:code")
    /// `POST /v1/verify`: public, rate-limited; whether a decision document verifies against the server's log.
    public static let verifyDocument = Route<Decisions.Document, Decisions.Verification>(.post, "/v1/verify")
    /// `GET /v1/audit/public-key`: public; the key that signs the audit logs.
    public static let auditPublicKey = Route<NoBody, SignedLog.PublicKey>(.get, "/v1/audit/public-key")
    /// `GET /v1/audit/checkpoints?municipality=CODE[&size=N]`: public; a signed checkpoint.
    public static let auditCheckpoint = Route<NoBody, SignedLog.Checkpoint>(.get, "/v1/audit/checkpoints")
    /// `GET /v1/audit/proofs/consistency?municipality=CODE&first=M&second=N`: public; a consistency proof.
    public static let auditConsistencyProof = Route<NoBody, SignedLog.ConsistencyProof>(
        .get, "/v1/audit/proofs/consistency")

    private static let decisionPath = "/v1/requests/:tracking/decision"

    /// The signed audit log's routes: under `/v1/audit`, one of `staffPrefixes`, yet public, since anyone checking a
    /// decision (a bank, a notary, a witness of the log) reads the key, the checkpoints and the proofs without an
    /// account. A server registers them outside its staff groups.
    public static let publicAuditTemplates: Set<RouteTemplate> = [
        auditPublicKey.template, auditCheckpoint.template, auditConsistencyProof.template,
    ]

    /// The templates of verifiable decisions, for `Routes.all`.
    static let decisionTemplates = [
        decision.template, decisionPage.template, verifyCode.template, verifyDocument.template,
        auditPublicKey.template, auditCheckpoint.template, auditConsistencyProof.template,
    ]

    /// `GET /v1/requests/{tracking}/decision?format=json`.
    public static func decision(_ tracking: String) -> RouteTarget<NoBody, Decisions.Document> {
        decision.target(tracking, query: [QueryItem("format", "json")])
    }

    /// `GET /v1/requests/{tracking}/decision[?lang=ar|fr|en]`: the HTML page.
    public static func decisionPage(_ tracking: String, language: Language? = nil) -> RouteTarget<NoBody, RawBody> {
        decisionPage.target(tracking, query: language.map { [QueryItem("lang", $0.rawValue)] } ?? [])
    }

    /// `GET /v1/verify/{code}`.
    public static func verifyCode(_ code: String) -> RouteTarget<NoBody, Decisions.Verification> {
        verifyCode.target(code)
    }

    /// `GET /v1/audit/checkpoints?municipality=CODE[&size=N]`.
    public static func auditCheckpoint(
        municipality: String, size: Int64? = nil
    ) -> RouteTarget<NoBody, SignedLog.Checkpoint> {
        var query = [QueryItem("municipality", municipality)]
        if let size { query.append(QueryItem("size", String(size))) }
        return auditCheckpoint.target(query: query)
    }

    /// `GET /v1/audit/proofs/consistency?municipality=CODE&first=M&second=N`.
    public static func auditConsistencyProof(
        municipality: String, first: Int64, second: Int64
    ) -> RouteTarget<NoBody, SignedLog.ConsistencyProof> {
        auditConsistencyProof.target(query: [
            QueryItem("municipality", municipality), QueryItem("first", String(first)),
            QueryItem("second", String(second)),
        ])
    }
}
