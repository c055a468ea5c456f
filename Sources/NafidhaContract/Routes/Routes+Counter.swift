extension Routes {
    /// `POST /v1/staff/requests`: a clerk or supervisor files a request for a citizen at the counter (docs/counter.md):
    /// the citizen's body, the citizen's receipt, channel `counter`.
    public static let counterSubmit = Route<Intake.Submission, Intake.Receipt>(.post, "/v1/staff/requests")

    /// The templates of assisted filing, for `Routes.all`.
    static let counterTemplates = [counterSubmit.template]
}
