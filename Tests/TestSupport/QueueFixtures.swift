import Foundation
import NafidhaCore
import Postgres

/// Requests and tasks inserted straight into a demo-catalog test database, so staff, queue and claim tests do not
/// depend on the submission path: each call makes one request whose tasks sit in the queues named.
public enum QueueFixtures {
    /// One task to create: its queue (the municipality's own office for `sector`), status and deadline.
    public struct TaskSpec: Sendable {
        /// The sector whose queue holds it.
        public var sector: String
        /// `open`, `waiting`, ...
        public var status: String
        /// Seconds from now to the deadline (negative: already overdue).
        public var dueIn: Double
        /// 0-9, higher first.
        public var priority: Int

        /// A task spec; an open task due in a day by default.
        public init(sector: String, status: String = "open", dueIn: Double = 86_400, priority: Int = 0) {
            self.sector = sector
            self.status = status
            self.dueIn = dueIn
            self.priority = priority
        }
    }

    /// What was inserted.
    public struct Inserted: Sendable {
        /// The request's id.
        public var requestID: Int64
        /// Its tracking number.
        public var trackingNumber: String
        /// The task ids, in the order of the specs.
        public var taskIDs: [Int64]
    }

    private static let crockford = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")

    /// Inserts a request in `municipality` with one task per spec, all in stage 1 (its workflow holds only the
    /// request's SLA, which the engine reads when it recomputes the request's deadline).
    @discardableResult
    public static func request(
        in municipality: String, tasks: [TaskSpec], on connection: PostgresConnection
    ) throws -> Inserted {
        let random = (0..<8).map { _ in String(crockford.randomElement()!) }.joined()
        let tracking = "\(municipality)-\(random.prefix(4))-\(random.suffix(4))"
        let requestID: Int64 = try connection.query(
            """
            INSERT INTO requests (tracking_number, access_token_hash, service_code, municipality_code, applicant_name,
                                  applicant_national_id, applicant_phone, fields, channel, workflow, due_at)
            VALUES ($1, $2, 'residence_certificate', $3, 'سارة بن علي', '119900123456', '+218911234567', '{}', 'api',
                    '{"sla_days": 10}', now() + interval '14 days')
            RETURNING id
            """,
            [tracking, AccessToken.generate().hash, municipality]
        )[0].decode("id")
        var ids: [Int64] = []
        for (index, spec) in tasks.enumerated() {
            ids.append(
                try connection.query(
                    """
                    INSERT INTO tasks (request_id, stage_no, step_no, municipality_code, sector_code, office_code, status,
                                       priority, sla_days, opened_at, due_at)
                    VALUES ($1, 1, $2, $3, $4, $3 || '-' || upper($4), $5, $6, 2,
                            CASE WHEN $5 <> 'waiting' THEN now() END, now() + make_interval(secs => $7))
                    RETURNING id
                    """,
                    [requestID, index + 1, municipality, spec.sector, spec.status, spec.priority, spec.dueIn]
                )[0].decode("id"))
        }
        return Inserted(requestID: requestID, trackingNumber: tracking, taskIDs: ids)
    }
}
