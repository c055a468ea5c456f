import Foundation
import HTTP
import NafidhaContract
import Synchronization
import Testing

/// The clerk commands read the server's answers through the contract: against a fake server answering shapes of
/// its choosing, a renamed, missing or mistyped member is an error naming it (exit 1), never a silent zero.
@Suite("Clerk CLI reads answers through the contract")
struct ClerkContractTests {
    /// A task as the server answers it.
    static let task = """
        {"id":7,"tracking_number":"TRP-7KQ4-M2XD","service":"residence_certificate",
         "service_name":{"ar":"شهادة إقامة","fr":"Certificat de résidence","en":"Residence certificate"},
         "municipality":"TRP","sector":"civil_registry","office":"TRP-CIVIL_REGISTRY","stage":1,"step":1,
         "status":"claimed","priority":3,"assignee":"amina","opened_at":"2026-06-01T07:00:00Z",
         "due_at":"2026-06-03T07:00:00Z","claimed_at":"2026-06-01T08:00:00Z",
         "lease_expires_at":"2026-06-01T08:30:00Z","updated_at":"2026-06-01T08:00:00Z","overdue":false,"version":2}
        """

    /// What the fake server received.
    struct Received: Sendable {
        var method: String
        var target: String
        var body: String
    }

    /// Answers every request with one canned answer, and records what it received.
    final class CannedServer: HTTPMiddleware, Sendable {
        let status: Int
        let body: String
        private let received = Mutex<[Received]>([])

        init(status: Int, body: String) {
            self.status = status
            self.body = body
        }

        var requests: [Received] { received.withLock { $0 } }

        func handle(
            _ request: HTTPRequest, context: RequestContext,
            next: (HTTPRequest, RequestContext) throws -> HTTPResponse
        ) throws -> HTTPResponse {
            received.withLock {
                $0.append(
                    Received(
                        method: request.method, target: request.head.target,
                        body: String(decoding: request.body, as: UTF8.self)))
            }
            return .json(body, status: HTTPResponseStatus(code: status))
        }
    }

    /// Runs `arguments` against a server that answers `status` and `body` to every request, and returns the run
    /// with the requests the server received.
    static func exchange(
        _ arguments: [String], answering body: String, status: Int = 200, environment: [String: String] = [:]
    ) throws -> (run: NafidhaRun, received: [Received]) {
        let canned = CannedServer(status: status, body: body)
        var router = Router()
        router.use(canned)
        var configuration = HTTPServer.Configuration()
        configuration.port = 0
        configuration.host = "127.0.0.1"
        configuration.accessLog = .disabled
        let server = HTTPServer(configuration: configuration, responder: router)
        let port = try server.start()
        defer { server.shutdown() }
        let run = runNafidha(
            arguments,
            environment: ["NAFIDHA_URL": "http://127.0.0.1:\(port)", "NAFIDHA_TOKEN": "nfs_test"].merging(environment) {
                $1
            })
        return (run, canned.requests)
    }

    @Test("a well-formed task is printed, and the contract's route and body were sent")
    func wellFormed() throws {
        let (run, received) = try Self.exchange(["claim", "7"], answering: Self.task)
        #expect(run.code == 0, "\(run.error)")
        #expect(run.output.contains("Claimed task 7 (TRP-7KQ4-M2XD).") && run.output.contains("2026-06-03 07:00"))
        #expect(run.output.contains("Residence certificate") && run.output.contains("amina"))
        #expect(received.map(\.method) == ["POST"] && received.map(\.target) == ["/v1/staff/tasks/7/claim"])
        #expect(received.first?.body == "{}")
        let french = try Self.exchange(["claim", "7"], answering: Self.task, environment: ["LANG": "fr_FR.UTF-8"]).run
        #expect(french.output.contains("Certificat de résidence"))
    }

    @Test("a renamed member fails naming it, exit 1, and prints nothing on standard output")
    func renamedMember() throws {
        let renamed = Self.task.replacingOccurrences(of: #""id":7"#, with: #""task_id":7"#)
        let (run, _) = try Self.exchange(["claim", "7"], answering: renamed)
        #expect(run.code == 1)
        #expect(run.errorLines == ["Error: the server's answer lacks a member the API documents (member id)"])
        #expect(run.output.isEmpty)
    }

    @Test("a member of the wrong type or an unknown status fails naming the member, within lists too")
    func wrongTypes() throws {
        let textPriority = Self.task.replacingOccurrences(of: #""priority":3"#, with: #""priority":"high""#)
        let queue = try Self.exchange(["queue"], answering: #"{"queues":[],"tasks":[\#(textPriority)]}"#)
        #expect(
            queue.run.errorLines == [
                "Error: the server's answer has a value of the wrong type (member tasks.0.priority)"
            ])
        let approve = try Self.exchange(["approve", "7"], answering: textPriority)
        #expect(
            approve.run.errorLines == ["Error: the server's answer has a value of the wrong type (member priority)"])
        let parked = Self.task.replacingOccurrences(of: #""claimed""#, with: #""parked""#)
        let release = try Self.exchange(["release", "7"], answering: parked)
        #expect(
            release.run.errorLines == [
                "Error: the server's answer has a value the API does not document (member status)"
            ])
        let verify = try Self.exchange(["audit", "verify"], answering: #"{"chains":[]}"#)
        #expect(verify.run.code == 1)
        #expect(
            verify.run.errorLines == ["Error: the server's answer lacks a member the API documents (member intact)"])
        let notJSON = try Self.exchange(["show", "TRP-7KQ4-M2XD"], answering: "<html>")
        #expect(notJSON.run.errorLines == ["Error: the server's answer is not JSON"])
    }

    @Test("a refusal prints the server's message and code; one that is not the contract's error body its status")
    func refusals() throws {
        let body = try String(
            decoding: ContractJSON.encode(
                ErrorBody(code: .taskChanged, message: ErrorCode.taskChanged.message.en)), as: UTF8.self)
        let changed = try Self.exchange(["approve", "7", "--version", "1"], answering: body, status: 409)
        #expect(changed.run.code == 1)
        #expect(
            changed.run.errorLines == [
                "Error: The task changed since you read it; read it again, then retry. (task_changed)"
            ])
        #expect(changed.received.first?.body == #"{"version":1}"#)
        let gateway = try Self.exchange(["release", "7"], answering: "<html>Bad gateway</html>", status: 502)
        #expect(gateway.run.errorLines == ["Error: the server answered 502 (http_502)"])
    }

    @Test("--json prints the decoded value with the API's member names, and paths are encoded segment by segment")
    func jsonAndPaths() throws {
        let (run, received) = try Self.exchange(["claim", "7", "--json"], answering: Self.task)
        #expect(run.code == 0)
        let printed = try ContractJSON.decode(JSONValue.self, from: Array(run.output.utf8))
        let sent = try ContractJSON.decode(JSONValue.self, from: Array(Self.task.utf8))
        #expect(printed == sent)
        #expect(received.count == 1)
        let note = #"{"id":12,"tracking_number":"TRP-7KQ4-M2XD","public":true,"created_at":"2026-06-01T08:00:00Z"}"#
        let noted = try Self.exchange(["note", "TRP 7KQ4/M2XD", "--text", "Called", "--public"], answering: note)
        #expect(noted.run.output == "Added public note 12 to TRP-7KQ4-M2XD.\n", "\(noted.run.error)")
        #expect(noted.received.map(\.target) == ["/v1/staff/requests/TRP%207KQ4%2FM2XD/notes"])
        #expect(noted.received.first?.body == #"{"public":true,"text":"Called"}"#)
    }
}
