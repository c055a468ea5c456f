import Foundation
import NafidhaContract
import Postgres

/// Queues for staff, read only: the queues visible to a staff member with their counts, and the tasks of those
/// queues by page. Scope is checked here, whatever the caller; every change of a task (claims included) is the
/// workflow engine's. Synchronous: call it from threads we own.
public struct QueueService: Sendable {
    /// Limits of queue listings.
    public struct Settings: Sendable {
        /// Tasks per page when the caller does not say (50).
        public var defaultPageSize = 50
        /// The largest page a caller may ask for (200).
        public var maximumPageSize = 200

        /// The defaults above.
        public init() {}
    }

    let pool: PostgresPool
    let settings: Settings

    /// A queue service over `pool`.
    public init(pool: PostgresPool, settings: Settings = Settings()) {
        self.pool = pool
        self.settings = settings
    }

    /// Every queue `member` may see that holds at least one non-final, opened task, with its counts and whether
    /// anybody could claim its open tasks.
    public func queues(for member: StaffMember) throws -> [Staff.QueueSummary] {
        try pool.withConnection { connection in
            try connection.queryPrepared(
                """
                SELECT municipality_code, sector_code, office_code,
                       (SELECT name_ar FROM sectors WHERE code = sector_code) AS sector_ar,
                       (SELECT name_fr FROM sectors WHERE code = sector_code) AS sector_fr,
                       (SELECT name_en FROM sectors WHERE code = sector_code) AS sector_en,
                       count(*) FILTER (WHERE status = 'open') AS open,
                       count(*) FILTER (WHERE status = 'claimed') AS claimed,
                       count(*) FILTER (WHERE status = 'awaiting_citizen') AS awaiting_citizen,
                       count(*) FILTER (WHERE status IN ('open', 'claimed') AND due_at <= now()) AS overdue,
                       count(*) FILTER (WHERE escalated_at IS NOT NULL) AS escalated,
                       -- Open tasks nobody could claim (migration 0019): the alert of docs/clerks.md.
                       (count(*) FILTER (WHERE status = 'open') > 0
                        AND queue_claimants(municipality_code, sector_code) = 0) AS unwatched
                  FROM tasks
                 WHERE status IN ('open', 'claimed', 'awaiting_citizen')
                   AND ($1::text[] IS NULL OR municipality_code = ANY ($1::text[]))
                   AND ($2::text[] IS NULL OR sector_code = ANY ($2::text[]))
                 GROUP BY municipality_code, sector_code, office_code
                 ORDER BY municipality_code, sector_code, office_code
                """,
                [member.visibleMunicipalities, member.visibleSectors]
            ).map { row in
                Staff.QueueSummary(
                    municipality: try row.decode("municipality_code"), sector: try row.decode("sector_code"),
                    sectorName: LocalizedText(
                        ar: try row.decode("sector_ar"), fr: try row.decode("sector_fr"),
                        en: try row.decode("sector_en")),
                    office: try row.decode("office_code"), open: try row.decode("open"),
                    claimed: try row.decode("claimed"), awaitingCitizen: try row.decode("awaiting_citizen"),
                    overdue: try row.decode("overdue"), escalated: try row.decode("escalated"),
                    unwatched: try row.decode("unwatched")
                )
            }
        }
    }

    /// One page of the tasks `member` may see that match `query`, in queue order: by default the open tasks, a
    /// page of `defaultPageSize`.
    public func tasks(for member: StaffMember, query: Staff.TaskQuery) throws -> Staff.TaskPage {
        try member.requireScope(municipality: query.municipality, sector: query.sector)
        let limit = min(max(query.limit ?? settings.defaultPageSize, 1), settings.maximumPageSize)
        var cursor: TaskCursor?
        if let text = query.cursor {
            guard let decoded = TaskCursor(encoded: text) else { throw NafidhaError(.invalidCursor) }
            cursor = decoded
        }
        let statuses: [String] = (query.status ?? .open).taskStatuses.map(\.rawValue)
        return try pool.withConnection { connection in
            let rows = try connection.queryPrepared(
                """
                SELECT \(Staff.QueueTask.columns)
                  FROM \(Staff.QueueTask.source)
                 WHERE t.status = ANY ($1::text[])
                   AND ($2::text[] IS NULL OR t.municipality_code = ANY ($2::text[]))
                   AND ($3::text[] IS NULL OR t.sector_code = ANY ($3::text[]))
                   AND ($4::text IS NULL OR t.municipality_code = $4)
                   AND ($5::text IS NULL OR t.sector_code = $5)
                   AND (NOT $6::boolean OR (t.status IN ('open', 'claimed') AND t.due_at <= now()))
                   AND ($7::text IS NULL OR t.assignee = $7)
                   AND ($8::integer IS NULL OR t.priority < $8 OR (t.priority = $8
                        AND (coalesce(t.due_at, 'infinity') > $9::timestamptz
                             OR (coalesce(t.due_at, 'infinity') = $9::timestamptz AND t.id > $10::bigint))))
                 ORDER BY t.priority DESC, coalesce(t.due_at, 'infinity'), t.id
                 LIMIT $11
                """,
                [
                    statuses, member.visibleMunicipalities, member.visibleSectors,
                    query.municipality, query.sector, query.overdue ?? false, query.assignee,
                    cursor?.priority, cursor?.due, cursor?.id, limit + 1,
                ]
            )
            var tasks: [Staff.QueueTask] = []
            var last: TaskCursor?
            for index in 0..<min(rows.count, limit) {
                let task = try Staff.QueueTask(row: rows[index])
                tasks.append(task)
                last = TaskCursor(priority: task.priority, due: try rows[index].decode("sort_due"), id: task.id)
            }
            return Staff.TaskPage(tasks: tasks, nextCursor: rows.count > limit ? last?.encoded : nil)
        }
    }
}

extension Staff.TaskQuery.Status {
    /// The task statuses a listing of this status shows.
    fileprivate var taskStatuses: [TaskStatus] {
        switch self {
        case .open: [.open]
        case .claimed: [.claimed]
        case .awaitingCitizen: [.awaitingCitizen]
        case .active: [.open, .claimed, .awaitingCitizen]
        }
    }
}
