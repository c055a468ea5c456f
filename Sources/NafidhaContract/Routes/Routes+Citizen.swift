extension Routes {
    /// `POST /v1/citizen/codes`: sends a sign-in code by SMS; 202 whatever the phone.
    public static let citizenCodes = Route<Citizen.CodeBody, Citizen.CodeSent>(.post, "/v1/citizen/codes")
    /// `POST /v1/citizen/sessions`: the phone and its code give a session token (201).
    public static let citizenSessions = Route<Citizen.SessionBody, Citizen.Session>(.post, "/v1/citizen/sessions")
    /// `DELETE /v1/citizen/sessions/current` with the session token: signs out.
    public static let currentCitizenSession = Route<NoBody, Citizen.SignedOut>(
        .delete, "/v1/citizen/sessions/current")
    /// `GET /v1/citizen/requests?cursor=&limit=` with the session token: the phone's requests, newest first.
    public static let citizenRequests = Route<NoBody, Citizen.RequestPage>(.get, "/v1/citizen/requests")
    /// `POST /v1/requests/{tracking}/rating` with the access or session token: the applicant rates a decision.
    public static let rating = Route<Citizen.RatingBody, Citizen.Rating>(.post, "/v1/requests/:tracking/rating")

    /// `GET /v1/reports/satisfaction?format=json`: the ratings; their comments for supervisors.
    public static let satisfactionReport = Route<NoBody, Reports.Document<Reports.SatisfactionRow>>(.get, reportPath)

    /// `POST /v1/staff/requests/{tracking}/moderation`: a clerk or supervisor hides, redacts or releases the
    /// description or a public note (`nafidha moderate`).
    public static let moderate = Route<Staff.ModerationBody, Staff.Moderation>(
        .post, "/v1/staff/requests/:tracking/moderation")

    /// The templates of the citizen's sign-in, ratings and moderation, for `Routes.all`.
    static let citizenTemplates = [
        citizenCodes.template, citizenSessions.template, currentCitizenSession.template, citizenRequests.template,
        rating.template, satisfactionReport.template, moderate.template,
    ]

    /// `POST /v1/staff/requests/{tracking}/moderation`.
    public static func moderate(_ tracking: String) -> RouteTarget<Staff.ModerationBody, Staff.Moderation> {
        moderate.target(tracking)
    }

    /// `GET /v1/citizen/requests[?cursor=&limit=]`.
    public static func citizenRequests(cursor: String? = nil, limit: Int? = nil) -> RouteTarget<
        NoBody, Citizen.RequestPage
    > {
        var query: [QueryItem] = []
        if let cursor { query.append(QueryItem("cursor", cursor)) }
        if let limit { query.append(QueryItem("limit", String(limit))) }
        return citizenRequests.target(query: query)
    }

    /// `GET /v1/reports/satisfaction?format=json&...`.
    public static func satisfactionReport(
        _ query: Reports.Query
    ) -> RouteTarget<NoBody, Reports.Document<Reports.SatisfactionRow>> {
        satisfactionReport.target(Reports.Name.satisfaction.rawValue, query: query.items)
    }

    /// `POST /v1/requests/{tracking}/rating`.
    public static func rating(_ tracking: String) -> RouteTarget<Citizen.RatingBody, Citizen.Rating> {
        rating.target(tracking)
    }
}
