extension Routes {
    /// `POST /v1/requests/{tracking}/appeal` with the citizen's access token: the applicant contests a rejection.
    public static let appeal = Route<Tracking.AppealBody, Tracking.Request>(.post, "/v1/requests/:tracking/appeal")
    /// `GET /v1/staff/appeals?municipality=&status=`: the `appeals` queue of the caller's municipalities.
    public static let appeals = Route<NoBody, Staff.AppealList>(.get, "/v1/staff/appeals")
    /// `POST /v1/staff/appeals/{id}/uphold` (supervisors): the rejection stands.
    public static let upholdAppeal = Route<Staff.AppealDecisionBody, Staff.Appeal>(
        .post, "/v1/staff/appeals/:appeal/uphold")
    /// `POST /v1/staff/appeals/{id}/grant` (supervisors): the rejected stage reopens.
    public static let grantAppeal = Route<Staff.AppealDecisionBody, Staff.Appeal>(
        .post, "/v1/staff/appeals/:appeal/grant")

    /// `GET /v1/reports/appeals?format=json`.
    public static let appealsReport = Route<NoBody, Reports.Document<Reports.AppealRow>>(.get, "/v1/reports/:name")

    /// The templates of appeals, for `Routes.all`.
    static let appealTemplates = [
        appeal.template, appeals.template, upholdAppeal.template, grantAppeal.template,
    ]

    /// `GET /v1/reports/appeals?format=json&...`.
    public static func appealsReport(_ query: Reports.Query) -> RouteTarget<NoBody, Reports.Document<Reports.AppealRow>>
    {
        appealsReport.target(Reports.Name.appeals.rawValue, query: query.items)
    }

    /// `POST /v1/requests/{tracking}/appeal`.
    public static func appeal(_ tracking: String) -> RouteTarget<Tracking.AppealBody, Tracking.Request> {
        appeal.target(tracking)
    }

    /// `GET /v1/staff/appeals[?municipality=CODE][&status=pending|upheld|granted]`.
    public static func appeals(municipality: String? = nil, status: AppealStatus? = nil)
        -> RouteTarget<NoBody, Staff.AppealList>
    {
        var query: [QueryItem] = []
        if let municipality { query.append(QueryItem("municipality", municipality)) }
        if let status { query.append(QueryItem("status", status.rawValue)) }
        return appeals.target(query: query)
    }

    /// `POST /v1/staff/appeals/{id}/uphold`.
    public static func upholdAppeal(_ id: Int64) -> RouteTarget<Staff.AppealDecisionBody, Staff.Appeal> {
        upholdAppeal.target(String(id))
    }

    /// `POST /v1/staff/appeals/{id}/grant`.
    public static func grantAppeal(_ id: Int64) -> RouteTarget<Staff.AppealDecisionBody, Staff.Appeal> {
        grantAppeal.target(String(id))
    }
}
