import NafidhaContract
import NafidhaCore
import Testing

/// The request status is derived from its tasks (docs/state-machine.md, "Request statuses").
@Suite("Request status derivation")
struct RequestStatusTests {
    @Test("a request nobody has touched stays submitted")
    func untouchedIsSubmitted() {
        #expect(
            RequestStatus.derive(previous: .submitted, tasks: [.open, .open, .waiting], activity: false) == .submitted)
    }

    @Test("a clerk's act puts the request in review, and it never goes back to submitted")
    func activityMeansInReview() {
        #expect(RequestStatus.derive(previous: .submitted, tasks: [.claimed, .open], activity: true) == .inReview)
        #expect(RequestStatus.derive(previous: .inReview, tasks: [.open, .open], activity: false) == .inReview)
    }

    @Test("any task awaiting the citizen makes the request await the citizen")
    func awaitingCitizen() {
        #expect(
            RequestStatus.derive(previous: .inReview, tasks: [.awaitingCitizen, .approved], activity: true)
                == .awaitingCitizen)
    }

    @Test("a rejected task rejects the request, even with another awaiting the citizen")
    func rejectionWins() {
        #expect(
            RequestStatus.derive(previous: .awaitingCitizen, tasks: [.rejected, .cancelled], activity: true)
                == .rejected)
    }

    @Test("every task approved approves the request; a cancelled request stays cancelled")
    func finalStatuses() {
        #expect(RequestStatus.derive(previous: .inReview, tasks: [.approved, .approved], activity: true) == .approved)
        #expect(RequestStatus.derive(previous: .cancelled, tasks: [.cancelled], activity: false) == .cancelled)
        #expect(RequestStatus.derive(previous: .inReview, tasks: [.approved, .open], activity: true) == .inReview)
    }
}
