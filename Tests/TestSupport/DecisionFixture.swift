import Foundation
import NafidhaContract
import NafidhaCore
import Postgres
import Transparency

/// Decided requests in the signed audit log, for the tests of verifiable decisions: a world whose services sign
/// with a fixed test key, a multi-sector building permit filed in Tripoli Centre (a capital municipality, whose
/// planning step goes to the capital planning authority) and decided by a supervisor, then chained by the sequencer
/// and signed by a checkpointer round.
public enum DecisionFixture {
    /// The host of the test logs' origins.
    public static let host = "nafidha.test"

    /// A fixed test key (never a real one): the 32 bytes 1, 2, ..., 32.
    public static let privateKey = try! Ed25519PrivateKey(rawRepresentation: (1...32).map { UInt8($0) })

    /// Another key, the signer of forgeries.
    public static let otherKey = try! Ed25519PrivateKey(rawRepresentation: (101...132).map { UInt8($0) })

    /// The signer of the test logs.
    public static let signer = try! LogSigner(privateKey: privateKey, host: host)

    /// A request filed and decided.
    public struct Decided: Sendable {
        /// Its tracking number.
        public var tracking: String
        /// The citizen's access token.
        public var token: String
        /// Its id.
        public var requestID: Int64
    }

    /// Runs `body` in a world whose services sign with `signer` (or without a key).
    public static func withWorld<T>(signing: Bool = true, _ body: (StaffTestWorld) throws -> T) throws -> T {
        var settings = NafidhaServices.Settings()
        settings.signer = signing ? signer : nil
        return try StaffTestWorld.with(settings: settings, body)
    }

    /// Files a building permit in `municipality` (by default TRP), for applicant `name`.
    public static func file(
        in world: StaffTestWorld, municipality: String = "TRP", name: String = "أمل بن سالم",
        nationalID: String = "119850123456"
    ) throws -> Decided {
        let fields: [String: JSONValue] = [
            "parcel_location": .object(["lat": .number(32.9), "long": .number(13.18)]),
            "parcel_number": .string("P-1/2"), "building_use": .string("residential"),
            "works": .array([.string("new_building")]), "floors": .number(2), "floor_area_m2": .number(240),
        ]
        let submission = Submission(
            service: "building_permit", municipality: municipality,
            applicant: .init(name: name, nationalID: nationalID, phone: "0912345678"), fields: fields)
        let receipt = try world.services.submissions.submit(submission, channel: .api, idempotencyKey: nil).receipt
        let id: Int64 = try world.query(
            "SELECT id FROM requests WHERE tracking_number = $1", [receipt.trackingNumber])[0].decode("id")
        return Decided(tracking: receipt.trackingNumber, token: receipt.accessToken, requestID: id)
    }

    /// Files a building permit and has a supervisor of the municipality claim and approve every step, stage by
    /// stage; with `rejectingStage`, the steps of that stage are rejected instead (the first rejection decides).
    public static func decide(
        in world: StaffTestWorld, municipality: String = "TRP", rejectingStage: Int? = nil,
        name: String = "أمل بن سالم"
    ) throws -> Decided {
        let request = try file(in: world, municipality: municipality, name: name)
        let supervisor = try supervisor(of: municipality, in: world)
        while true {
            let open = try world.query(
                "SELECT id, stage_no FROM tasks WHERE request_id = $1 AND status = 'open' ORDER BY stage_no, step_no",
                [request.requestID])
            guard let task = open.first else { break }
            let id: Int64 = try task.decode("id")
            _ = try world.engine.claim(task: id, by: supervisor)
            if try task.decode("stage_no", as: Int.self) == rejectingStage {
                _ = try world.engine.reject(task: id, by: supervisor, reason: "The parcel is not buildable.")
            } else {
                _ = try world.engine.approve(task: id, by: supervisor)
            }
        }
        return request
    }

    /// A new supervisor of `municipality`.
    public static func supervisor(of municipality: String, in world: StaffTestWorld) throws -> StaffMember {
        let suffix = UUID().uuidString.prefix(8).lowercased()
        return try world.staff(
            "sup.\(municipality.lowercased()).\(suffix)", .supervisor, municipalities: [municipality])
    }

    /// Chains every committed event and runs a checkpointer round: what `serve` does within a minute.
    @discardableResult
    public static func publish(_ world: StaffTestWorld) throws -> AuditCheckpointer.Round {
        try sequenceAudit(world.pool)
        return try world.pool.withConnection { try AuditCheckpointer(signer: signer).runRound(on: $0) }
    }
}
