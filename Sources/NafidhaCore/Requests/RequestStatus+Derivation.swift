import NafidhaContract

/// Deriving a request's status from its tasks (docs/state-machine.md, "Request statuses").
extension RequestStatus {
    /// The status a request has after a change.
    /// - Parameters:
    ///   - previous: the status before the change; `cancelled` is set by the citizen and stays; `awaiting_payment`
    ///     stays until the payment sets `submitted`.
    ///   - tasks: the statuses of all the request's tasks after the change.
    ///   - activity: true when the change was a clerk's or citizen's act on a task (claim, release, decision,
    ///     question, reply, forward): from then on the request is under review, never `submitted` again.
    public static func derive(previous: RequestStatus, tasks: [TaskStatus], activity: Bool) -> RequestStatus {
        if previous == .cancelled { return .cancelled }
        // Only its payment moves it on (WorkflowEngine+Payments), or a cancellation.
        if previous == .awaitingPayment { return .awaitingPayment }
        if tasks.contains(.rejected) { return .rejected }
        if !tasks.isEmpty && tasks.allSatisfy({ $0 == .approved }) { return .approved }
        if tasks.contains(.awaitingCitizen) { return .awaitingCitizen }
        if previous == .submitted && !activity { return .submitted }
        return .inReview
    }
}
