import Foundation
import NafidhaContract
import Postgres

/// Every way the engine changes a task row, each with its fixed SQL: the only assignments `UPDATE tasks` ever
/// runs (`WorkflowTransaction.apply`). Values travel as parameters from `$4` on; `$3` is the instant of the change.
enum TaskChange {
    /// `open`/`claimed` → `claimed` by `assignee`, with a lease until `leaseUntil` (claim, re-claim, reassign).
    case claim(assignee: String, leaseUntil: Date)
    /// `claimed` → `open`, no assignee and no claim (release, lapsed lease).
    case release
    /// `claimed` → `approved`, final.
    case approve
    /// `claimed` → `rejected`, final.
    case reject
    /// `claimed` → `awaiting_citizen`: the clock stops.
    case askCitizen
    /// `awaiting_citizen` → `claimed` again with the deadline recomputed over the pauses.
    case resume(dueAt: Date)
    /// `open`/`claimed` → `open` in the queue of another sector and office.
    case forward(sector: String, office: String)
    /// `waiting` → `open`: its stage started, due `dueAt`.
    case open(dueAt: Date)
    /// Any non-final status → `cancelled`; a running pause is closed into `paused_total`.
    case cancel
    /// Same status, priority + 1 (at most 9), marked escalated.
    case escalate
    /// `rejected`/`cancelled` → `open` again, due `dueAt`: a granted appeal reopens the rejected stage.
    case reopen(dueAt: Date)
    /// `cancelled` → `waiting` again: a granted appeal gives a later stage back its place.
    case rewait

    /// The SET list (before `updated_at` and `version`, which every change sets) and its parameters.
    var assignments: (sql: String, parameters: [(any PostgresEncodable)?]) {
        switch self {
        case .claim(let assignee, let leaseUntil):
            (
                "status = $4, assignee = $5, claimed_at = $3::timestamptz, lease_expires_at = $6::timestamptz",
                [TaskStatus.claimed.rawValue, assignee, leaseUntil]
            )
        case .release:
            (
                "status = $4, assignee = NULL, claimed_at = NULL, lease_expires_at = NULL",
                [TaskStatus.open.rawValue]
            )
        case .approve:
            ("status = $4, closed_at = $3::timestamptz", [TaskStatus.approved.rawValue])
        case .reject:
            ("status = $4, closed_at = $3::timestamptz", [TaskStatus.rejected.rawValue])
        case .askCitizen:
            ("status = $4, paused_since = $3::timestamptz", [TaskStatus.awaitingCitizen.rawValue])
        case .resume(let dueAt):
            (
                """
                status = $4, paused_since = NULL, due_at = $5::timestamptz,
                paused_total = t.paused_total + ($3::timestamptz - t.paused_since)
                """,
                [TaskStatus.claimed.rawValue, dueAt]
            )
        case .forward(let sector, let office):
            (
                """
                status = $4, assignee = NULL, claimed_at = NULL, lease_expires_at = NULL, sector_code = $5,
                office_code = $6
                """,
                [TaskStatus.open.rawValue, sector, office]
            )
        case .open(let dueAt):
            (
                "status = $4, opened_at = $3::timestamptz, due_at = $5::timestamptz",
                [TaskStatus.open.rawValue, dueAt]
            )
        case .cancel:
            // A waiting task never opened; the schema ties "no opened_at" to waiting alone, so it gets a
            // zero-length life (docs/state-machine.md).
            (
                """
                status = $4, closed_at = $3::timestamptz, opened_at = coalesce(t.opened_at, $3::timestamptz),
                assignee = NULL, paused_since = NULL,
                paused_total = t.paused_total + coalesce($3::timestamptz - t.paused_since, interval '0')
                """,
                [TaskStatus.cancelled.rawValue]
            )
        case .escalate:
            ("escalated_at = $3::timestamptz, priority = least(t.priority + 1, 9)", [])
        case .reopen(let dueAt):
            (
                """
                status = $4, opened_at = $3::timestamptz, due_at = $5::timestamptz, closed_at = NULL, assignee = NULL,
                claimed_at = NULL, lease_expires_at = NULL, escalated_at = NULL
                """,
                [TaskStatus.open.rawValue, dueAt]
            )
        case .rewait:
            (
                """
                status = $4, opened_at = NULL, due_at = NULL, closed_at = NULL, assignee = NULL, claimed_at = NULL,
                lease_expires_at = NULL, escalated_at = NULL
                """,
                [TaskStatus.waiting.rawValue]
            )
        }
    }
}
