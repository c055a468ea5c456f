import Foundation
import NafidhaContract
import NafidhaCore
import Postgres
import TestSupport
import Testing

/// The contract against the real router, for the staff, report and audit routes: a request filed with the
/// contract's body is worked through every staff route with the contract's bodies, and each answer decodes into the
/// contract's type and encodes back to the same JSON.
@Suite("Contract: staff, report and audit routes")
struct ContractStaffRoutesTests {
    /// A bearer header for a new staff member's new token.
    private func bearer(
        _ world: StaffTestWorld, _ name: String, _ role: StaffRole, municipalities: [String] = [],
        sectors: [String] = []
    ) throws -> [(String, String)] {
        try world.staff(name, role, municipalities: municipalities, sectors: sectors)
        return [("Authorization", "Bearer " + (try world.directory.issueToken(forStaff: name).text))]
    }

    private func submit(_ client: APIClient) throws -> Intake.Receipt {
        try ContractCheck.decode(
            client.send(Routes.submit.target(), body: ContractCitizenRoutesTests.water), as: Intake.Receipt.self,
            status: 201)
    }

    @Test("claims, release, request-info, reply, reassign, approve, forward, reject, show and notes all decode")
    func staffRoutes() throws {
        try StaffTestWorld.with { world in
            let client = APIClient(pool: world.pool)
            let wafa = try bearer(world, "wafa", .clerk, municipalities: ["BEN"], sectors: ["water_sanitation"])
            let wadi = try bearer(world, "wadi", .clerk, municipalities: ["BEN"], sectors: ["water_sanitation"])
            let rami = try bearer(world, "rami", .clerk, municipalities: ["BEN"], sectors: ["roads_lighting"])
            let fadi = try bearer(world, "fadi", .clerk, municipalities: ["BEN"], sectors: ["finance"])
            let salem = try bearer(world, "salem", .supervisor, municipalities: ["BEN"])
            let receipt = try submit(client)
            let citizen = [("Authorization", "Bearer \(receipt.accessToken)")]

            let me = try ContractCheck.decode(
                client.send(Routes.staffMe.target(), headers: wafa), as: Staff.Member.self)
            #expect(
                me == Staff.Member(name: "wafa", role: .clerk, municipalities: ["BEN"], sectors: ["water_sanitation"]))
            let queues = try ContractCheck.decode(
                client.send(Routes.queues.target(), headers: wafa), as: Staff.QueueList.self)
            #expect(queues.queues.map(\.open) == [1])
            let page = try ContractCheck.decode(
                client.send(Routes.tasks(Staff.TaskQuery(status: .open, limit: 10)), headers: wafa),
                as: Staff.TaskPage.self)
            #expect(page.tasks.map(\.trackingNumber) == [receipt.trackingNumber] && page.nextCursor == nil)

            var task = try ContractCheck.decode(
                client.send(
                    Routes.claimNext.target(), body: Staff.ClaimNextBody(sector: "water_sanitation"), headers: wafa),
                as: Staff.QueueTask.self)
            #expect(task.status == .claimed && task.assignee == "wafa" && task.leaseExpiresAt != nil)
            task = try ContractCheck.decode(
                client.send(
                    Routes.release(task: task.id), body: Staff.VersionBody(version: task.version), headers: wafa),
                as: Staff.QueueTask.self)
            #expect(task.status == .open && task.assignee == nil)
            task = try ContractCheck.decode(
                client.send(Routes.claim(task: task.id), body: Staff.VersionBody(), headers: wafa),
                as: Staff.QueueTask.self)
            task = try ContractCheck.decode(
                client.send(
                    Routes.requestInfo(task: task.id), body: Staff.RequestInfoBody(message: "Which floor?"),
                    headers: wafa),
                as: Staff.QueueTask.self)
            #expect(task.status == .awaitingCitizen)
            let replied = try ContractCheck.decode(
                client.send(
                    Routes.reply(receipt.trackingNumber),
                    body: Tracking.ReplyBody(message: "Ground floor", fields: ["floor": .number(0)]), headers: citizen),
                as: Tracking.Request.self)
            #expect(replied.timeline.map(\.event).suffix(2) == [.informationRequested, .citizenReplied])
            task = try ContractCheck.decode(
                client.send(Routes.reassign(task: task.id), body: Staff.ReassignBody(assignee: "wadi"), headers: salem),
                as: Staff.QueueTask.self)
            #expect(task.assignee == "wadi")
            task = try ContractCheck.decode(
                client.send(
                    Routes.approve(task: task.id),
                    body: Staff.ApproveBody(version: task.version, note: "Meter checked"),
                    headers: wadi),
                as: Staff.QueueTask.self)
            #expect(task.status == .approved)

            let roads = try ContractCheck.decode(
                client.send(Routes.tasks(Staff.TaskQuery()), headers: rami), as: Staff.TaskPage.self
            ).tasks
            let road = try #require(roads.first)
            _ = try ContractCheck.decode(
                client.send(Routes.claim(task: road.id), body: Staff.VersionBody(version: road.version), headers: rami),
                as: Staff.QueueTask.self)
            let forwarded = try ContractCheck.decode(
                client.send(
                    Routes.forward(task: road.id), body: Staff.ForwardBody(sector: "finance", reason: "fees first"),
                    headers: rami),
                as: Staff.QueueTask.self)
            #expect(forwarded.sector == "finance" && forwarded.status == .open)
            _ = try ContractCheck.decode(
                client.send(Routes.claimNext.target(), body: Staff.ClaimNextBody(), headers: fadi),
                as: Staff.QueueTask.self)
            let rejected = try ContractCheck.decode(
                client.send(Routes.reject(task: road.id), body: Staff.RejectBody(reason: "Unpaid fees"), headers: fadi),
                as: Staff.QueueTask.self)
            #expect(rejected.status == .rejected)

            // Once decided, a clerk no longer sees the applicant (the task is final); the supervisor still does.
            let view = try ContractCheck.decode(
                client.send(Routes.staffRequest(receipt.trackingNumber), headers: salem), as: Staff.RequestView.self)
            #expect(view.status == .rejected && view.applicantName == "Amal Ben Salem" && view.tasks.count == 2)
            let note = try ContractCheck.decode(
                client.send(
                    Routes.addNote(receipt.trackingNumber), body: Staff.NoteBody(text: "Called back", public: false),
                    headers: salem),
                as: Staff.Note.self, status: 201)
            #expect(!note.isPublic && note.trackingNumber == receipt.trackingNumber)
            try ContractCheck.error(
                client.send(
                    Routes.addNote(receipt.trackingNumber), body: Staff.NoteBody(text: "Too late", public: true),
                    headers: salem),
                .requestClosed)
            try ContractCheck.error(
                client.send(Routes.claim(task: 999_999), body: Staff.VersionBody(), headers: wafa), .taskNotFound)
            try ContractCheck.error(
                client.send(Routes.tasks(Staff.TaskQuery(sector: "health")), headers: wafa), .outOfScope)
        }
    }

    @Test("every report in JSON and the live audit verification decode, rows typed per report")
    func reportsAndAudit() throws {
        try StaffTestWorld.with { world in
            let client = APIClient(pool: world.pool)
            let wafa = try bearer(world, "wafa", .clerk, municipalities: ["BEN"], sectors: ["water_sanitation"])
            let auditor = try bearer(world, "aziz", .auditor)
            _ = try submit(client)
            _ = try submit(client)
            let task = try ContractCheck.decode(
                client.send(Routes.claimNext.target(), body: Staff.ClaimNextBody(), headers: wafa),
                as: Staff.QueueTask.self)
            _ = try ContractCheck.decode(
                client.send(
                    Routes.forward(task: task.id), body: Staff.ForwardBody(sector: "finance", reason: "misrouted"),
                    headers: wafa),
                as: Staff.QueueTask.self)
            let other = try #require(
                try ContractCheck.decode(
                    client.send(Routes.tasks(Staff.TaskQuery()), headers: wafa), as: Staff.TaskPage.self
                )
                .tasks.first)
            _ = try ContractCheck.decode(
                client.send(Routes.claim(task: other.id), body: Staff.VersionBody(), headers: wafa),
                as: Staff.QueueTask.self)
            _ = try ContractCheck.decode(
                client.send(Routes.reject(task: other.id), body: Staff.RejectBody(reason: "No"), headers: wafa),
                as: Staff.QueueTask.self)

            let query = Reports.Query(byService: true)
            let sla = try ContractCheck.decode(
                client.send(Routes.slaReport(query), headers: auditor), as: Reports.Document<Reports.SLARow>.self)
            #expect(
                sla.report == .sla && sla.municipality == nil && sla.rows.contains { $0.service == "water_connection" })
            let backlog = try ContractCheck.decode(
                client.send(Routes.backlogReport(Reports.Query()), headers: auditor),
                as: Reports.Document<Reports.BacklogRow>.self)
            #expect(backlog.rows.map(\.openTasks).reduce(0, +) == 1)
            let throughput = try ContractCheck.decode(
                client.send(Routes.throughputReport(Reports.Query(interval: .week)), headers: auditor),
                as: Reports.Document<Reports.ThroughputRow>.self)
            #expect(throughput.rows.map(\.submissions).reduce(0, +) == 2 && throughput.clerks?.first?.clerk == "wafa")
            let misroutes = try ContractCheck.decode(
                client.send(Routes.misroutesReport(Reports.Query()), headers: auditor),
                as: Reports.Document<Reports.MisrouteRow>.self)
            #expect(
                misroutes.rows == [
                    Reports.MisrouteRow(fromSector: "water_sanitation", toSector: "finance", forwards: 1)
                ])
            try sequenceAudit(world.pool)
            let verification = try ContractCheck.decode(
                client.send(Routes.auditVerify.target(), headers: auditor), as: Audit.Verification.self)
            #expect(
                verification.intact && verification.chains.contains { $0.municipality == "BEN" && $0.eventsChecked > 0 }
            )
            try ContractCheck.error(client.send(Routes.slaReport(query), headers: wafa), .reportsNotAllowed)
        }
    }
}
