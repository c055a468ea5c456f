import Foundation
import NafidhaContract
import Testing

@Suite("Routes: templates and the requests built from them")
struct RouteTests {
    @Test("each parameter becomes one percent-encoded segment, whatever it holds (RFC 3986 §2.1)")
    func segmentsAreEncoded() {
        #expect(Routes.claim(task: 42).requestTarget == "/v1/staff/tasks/42/claim")
        #expect(Routes.staffRequest("TRP-7KQ4-M2XD").path == "/v1/staff/requests/TRP-7KQ4-M2XD")
        #expect(Routes.staffRequest("a/../b?c#d e").path == "/v1/staff/requests/a%2F..%2Fb%3Fc%23d%20e")
        #expect(Routes.addNote("ط~x").path == "/v1/staff/requests/%D8%B7~x/notes")
        #expect(Routes.trackedRequest("%2F").path == "/v1/requests/%252F")
        #expect(
            Routes.service("building_permit", municipality: "TRP").requestTarget
                == "/v1/services/building_permit?municipality=TRP")
    }

    @Test("queries carry only the parameters that are set, each encoded")
    func queries() {
        #expect(Routes.tasks(Staff.TaskQuery()).requestTarget == "/v1/staff/tasks")
        let query = Staff.TaskQuery(
            municipality: "TRP", sector: "a b", status: .awaitingCitizen, overdue: true, assignee: "amina", limit: 5,
            cursor: "x+y=z&w")
        #expect(
            Routes.tasks(query).requestTarget
                == "/v1/staff/tasks?municipality=TRP&sector=a%20b&status=awaiting_citizen&overdue=true&assignee=amina"
                + "&limit=5&cursor=x%2By%3Dz%26w")
        let instant = Date(timeIntervalSince1970: 1_800_000_000)
        #expect(
            Routes.slaReport(Reports.Query(from: instant, municipality: "BEN", byService: true)).requestTarget
                == "/v1/reports/sla?format=json&from=2027-01-15T08%3A00%3A00Z&municipality=BEN&by_service=true")
        #expect(
            Routes.throughputReport(Reports.Query(interval: .week)).requestTarget
                == "/v1/reports/throughput?format=json&interval=week")
        #expect(
            Routes.renderedReport(.sla, Reports.Query(municipality: "BEN"), format: .csv, excel: true).requestTarget
                == "/v1/reports/sla?format=csv&municipality=BEN&excel=true")
        #expect(
            Routes.renderedReport(.backlog, Reports.Query(), format: .html).requestTarget
                == "/v1/reports/backlog?format=html")
        #expect(
            Routes.searchRequests(.init(.phone("+218 91"), municipality: "BEN", limit: 5, cursor: "a=")).requestTarget
                == "/v1/staff/requests?phone=%2B218%2091&municipality=BEN&limit=5&cursor=a%3D")
        #expect(
            Routes.searchRequests(.init(.name("أحمد"))).requestTarget
                == "/v1/staff/requests?name=%D8%A3%D8%AD%D9%85%D8%AF")
    }

    @Test("the list of templates holds each route once, report routes sharing theirs")
    func templates() {
        #expect(Set(Routes.all).count == Routes.all.count)
        #expect(Routes.all.count == 60)
        #expect(Routes.decision.template == Routes.decisionPage.template)
        #expect(Routes.all.allSatisfy { $0.path.hasPrefix("/v1/") || ["/healthz", "/readyz"].contains($0.path) })
        #expect(Routes.slaReport.template == Routes.misroutesReport.template)
        #expect(Routes.appealsReport.template == Routes.slaReport.template)
        #expect(Routes.satisfactionReport.template == Routes.slaReport.template)
        #expect(Routes.reassign.template.parameterNames == ["task"])
        #expect(Routes.reassign.template.description == "POST /v1/staff/tasks/:task/reassign")
        #expect(Routes.staffMe.method == .get && Routes.cancel.method == .post)
        #expect(
            Routes.events(after: "ev1_2a", limit: 50, types: [.approved, .escalated]).requestTarget
                == "/v1/events?after=ev1_2a&limit=50&type=request.approved&type=task.escalated")
        #expect(Routes.requestNotifications("BEN-3F9K-2M7Q").path == "/v1/staff/requests/BEN-3F9K-2M7Q/notifications")
    }
}
