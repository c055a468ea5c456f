import Foundation
import NafidhaContract
import NafidhaCore
import Postgres
import TestSupport
import Testing

/// The rules a security probe asked for (docs/clerks.md): who sees personal data, when a note may be public, and
/// a reassign that cannot be used to probe logins.
@Suite("Workflow engine: personal data, public notes and reassign hardening")
struct WorkflowEngineHardeningTests {
    /// How many `personal_data_viewed` events the request has.
    func views(_ harness: WorkflowHarness, _ request: FiledRequest) throws -> [AuditedEvent] {
        try harness.auditEvents(of: request).filter { $0.action == "personal_data_viewed" }
    }

    @Test("clerks see personal data only while a task of their scope is open, claimed or awaiting the citizen")
    func clerksSeeActiveTasksOnly() throws {
        try WorkflowHarness.with { harness in
            let request = try harness.file("building_permit", in: "BEN")
            let tasks = try harness.tasks(of: request)
            let planner = StaffMember.testing("nour", sectors: ["urban_planning"])
            let water = StaffMember.testing("wafa", sectors: ["water_sanitation"])
            let defence = StaffMember.testing("dina", sectors: ["civil_defence"])
            let view = try harness.engine.staffView(tracking: request.tracking.lowercased(), for: planner)
            #expect(view.applicantName == "Amal Ben Salem" && view.status == .submitted && view.tasks.count == 4)
            expectError("request_not_found") {
                _ = try harness.engine.staffView(tracking: request.tracking, for: water)
            }
            _ = try harness.engine.claim(task: tasks[0].id, by: planner)
            _ = try harness.engine.requestInformation(task: tasks[0].id, by: planner, message: "Which parcel?")
            _ = try harness.engine.staffView(tracking: request.tracking, for: planner)
            try harness.engine.reply(for: try harness.citizen(request), message: "P-1/2")
            _ = try harness.engine.approve(task: tasks[0].id, by: planner)
            expectError("request_not_found") {
                _ = try harness.engine.staffView(tracking: request.tracking, for: planner)
            }
            _ = try harness.engine.staffView(tracking: request.tracking, for: defence)
            let audited = try views(harness, request)
            #expect(audited.map(\.actor) == ["nour", "nour", "dina"])
            #expect(audited.allSatisfy { $0.actorKind == "clerk" && $0.details["role"] == .string("clerk") })
        }
    }

    @Test("supervisors, auditors and admins see the requests of their municipalities, decided ones included")
    func widerRolesSeeTheirMunicipalities() throws {
        try WorkflowHarness.with { harness in
            let request = try harness.file("building_permit", in: "BEN")
            let task = try harness.tasks(of: request)[0]
            let clerk = StaffMember.testing("nour", sectors: ["urban_planning"])
            _ = try harness.engine.claim(task: task.id, by: clerk)
            _ = try harness.engine.reject(task: task.id, by: clerk, reason: "Protected zone.")
            let allowed = [
                StaffMember.testing("salem", .supervisor, municipalities: ["BEN"]),
                StaffMember.testing("audit1", .auditor, municipalities: []),
                StaffMember.testing("audit2", .auditor, municipalities: ["BEN"]),
                StaffMember.testing("root1", .admin, municipalities: ["BEN"]),
            ]
            let refused = [
                StaffMember.testing("sami", .supervisor, municipalities: ["TRP"]),
                StaffMember.testing("audit3", .auditor, municipalities: ["TRP"]),
                StaffMember.testing("root2", .admin, municipalities: ["TRP"]),
                clerk,
            ]
            for member in allowed {
                #expect(try harness.engine.staffView(tracking: request.tracking, for: member).status == .rejected)
            }
            for member in refused {
                expectError("request_not_found") {
                    _ = try harness.engine.staffView(tracking: request.tracking, for: member)
                }
            }
            expectError("request_not_found") {
                _ = try harness.engine.staffView(tracking: "BEN-0000-0000", for: allowed[0])
            }
            let audited = try views(harness, request)
            #expect(audited.map(\.actor) == ["salem", "audit1", "audit2", "root1"])
            #expect(audited.map(\.actorKind) == ["clerk", "auditor", "auditor", "auditor"])
        }
    }

    @Test("a public note needs an active request; internal notes stay allowed on a closed one")
    func publicNotesOnlyWhileActive() throws {
        try WorkflowHarness.with { harness in
            let clerk = StaffMember.testing("nour", sectors: ["urban_planning"])
            let rejected = try harness.file("building_permit", in: "BEN")
            let task = try harness.tasks(of: rejected)[0]
            _ = try harness.engine.claim(task: task.id, by: clerk)
            _ = try harness.engine.reject(task: task.id, by: clerk, reason: "Protected zone.")
            let cancelled = try harness.file("building_permit", in: "BEN")
            try harness.engine.cancel(for: try harness.citizen(cancelled))
            for request in [rejected, cancelled] {
                let before = try harness.auditEvents(of: request)
                expectError("request_closed") {
                    _ = try harness.engine.addNote(
                        tracking: request.tracking, text: "Sorry.", isPublic: true, by: clerk)
                }
                #expect(try harness.auditEvents(of: request) == before)
                let note = try harness.engine.addNote(
                    tracking: request.tracking, text: "Archived.", isPublic: false, by: clerk)
                #expect(!note.isPublic)
            }
            let active = try harness.file("building_permit", in: "BEN")
            #expect(
                try harness.engine.addNote(tracking: active.tracking, text: "Received.", isPublic: true, by: clerk)
                    .isPublic)
        }
    }

    @Test("reassign checks the role first: clerks, auditors and admins get supervisor_only whatever the login")
    func reassignRoleFirst() throws {
        try StaffTestWorld.with { world in
            let clerk = try world.staff("amina", .clerk, municipalities: ["TRP"], sectors: ["civil_registry"])
            let auditor = try world.staff("audit1", .auditor)
            let admin = try world.staff("root1", .admin)
            let task = try world.request(in: "TRP", tasks: [.init(sector: "civil_registry")]).taskIDs[0]
            for member in [clerk, auditor, admin] {
                for login in ["amina", "ghost", "audit1"] {
                    let error = try #require(throws: NafidhaError.self) {
                        try world.engine.reassign(task: task, by: member, to: login)
                    }
                    #expect(error.code == .supervisorOnly && error.status == 403)
                }
                let unknownTask = try #require(throws: NafidhaError.self) {
                    try world.engine.reassign(task: 999_999, by: member, to: "ghost")
                }
                #expect(unknownTask.code == .supervisorOnly)
            }
        }
    }

    @Test("a deactivated staff member cannot be assigned; an unknown login is staff_not_found for a supervisor")
    func reassignToInactiveOrUnknown() throws {
        try StaffTestWorld.with { world in
            let supervisor = try world.staff("salem", .supervisor, municipalities: ["TRP"])
            try world.staff("amina", .clerk, municipalities: ["TRP"], sectors: ["civil_registry"])
            let task = try world.request(in: "TRP", tasks: [.init(sector: "civil_registry")]).taskIDs[0]
            try world.query("UPDATE staff SET active = false WHERE name = 'amina'")
            let inactive = try #require(throws: NafidhaError.self) {
                try world.engine.reassign(task: task, by: supervisor, to: "amina")
            }
            #expect(inactive.code == .staffInactive && inactive.status == 409)
            let unknown = try #require(throws: NafidhaError.self) {
                try world.engine.reassign(task: task, by: supervisor, to: "ghost")
            }
            #expect(unknown.code == .staffNotFound)
            let row = try world.query("SELECT status, assignee, version FROM tasks WHERE id = $1", [task])[0]
            #expect(try row.decode("status", as: String.self) == "open")
            #expect(try row.decode("assignee", as: String?.self) == nil)
            #expect(try row.decode("version", as: Int.self) == 1)
        }
    }
}
