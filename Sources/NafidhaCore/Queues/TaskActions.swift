import Postgres

/// A staff member's decisions on a task (approve, reject, request information, forward), authorized here by the
/// member's role and scope, then carried out by the `WorkflowEngine`, which checks the assignee, the task's state
/// and the expected version in the same transaction as the change.
public struct TaskActions: Sendable {
    let engine: WorkflowEngine
    let queues: QueueService

    /// Actions over `pool`.
    public init(pool: PostgresPool, engine: WorkflowEngine? = nil, queues: QueueService? = nil) {
        self.engine = engine ?? WorkflowEngine(pool: pool)
        self.queues = queues ?? QueueService(pool: pool)
    }

    /// Approves a task the member holds; the last approval of a stage opens the next stage's tasks.
    public func approve(taskID: Int64, by member: StaffMember, expectedVersion: Int? = nil) throws -> QueueTask {
        try act(taskID, member) { try engine.approve(task: taskID, version: expectedVersion, by: $0) }
    }

    /// Rejects a task the member holds (and so the request); `reason` is required and shown to the citizen.
    public func reject(taskID: Int64, by member: StaffMember, reason: String, expectedVersion: Int? = nil) throws
        -> QueueTask
    {
        try act(taskID, member) { try engine.reject(task: taskID, version: expectedVersion, by: $0, reason: reason) }
    }

    /// Asks the citizen for information on a task the member holds; its clock pauses until the reply.
    public func requestInformation(taskID: Int64, by member: StaffMember, message: String, expectedVersion: Int? = nil)
        throws -> QueueTask
    {
        try act(taskID, member) {
            try engine.requestInformation(task: taskID, version: expectedVersion, by: $0, message: message)
        }
    }

    /// Forwards a task to another sector of the same municipality (a misroute correction; `forwarded` audit events
    /// count them).
    public func forward(
        taskID: Int64, by member: StaffMember, toSector sector: String, reason: String, expectedVersion: Int? = nil
    ) throws -> QueueTask {
        try act(taskID, member) {
            try engine.forward(task: taskID, version: expectedVersion, by: $0, toSector: sector, reason: reason)
        }
    }

    /// Checks role and scope (a task outside the scope does not exist for the member), then runs `change`.
    private func act(_ taskID: Int64, _ member: StaffMember, _ change: (Actor) throws -> TaskRecord) throws -> QueueTask
    {
        try queues.requireActor(member)
        let task: TaskRecord
        do {
            task = try engine.task(taskID)
        } catch let error as NafidhaError where error.kind == .notFound {
            throw QueueErrors.taskNotFound
        }
        guard member.canSee(municipality: task.municipality, sector: task.sector) else {
            throw QueueErrors.taskNotFound
        }
        _ = try change(Actor(kind: .clerk, id: member.name))
        return try queues.pool.withConnection { try queues.fetch(taskID, on: $0).task }
    }
}
