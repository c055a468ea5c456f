import Foundation
import NafidhaContract

/// The notification events of a change, derived from what it recorded and from the request's status before and
/// after (docs/notifications.md, "Events"): `finish()` writes them in the change's transaction.
extension WorkflowTransaction {
    /// The events the change causes, in the order they happened; `previous` is the status the request had when
    /// locked, `request.status` the one just derived, `tasks` every task after the change.
    func notificationEvents(previous: RequestStatus, tasks: [Staff.QueueTask]) -> [NotificationEvent] {
        let status = request.status
        let everySector = Array(Set(tasks.map(\.sector))).sorted()
        let base = NotificationEvent.requestData(
            tracking: request.tracking, municipality: request.municipality, service: request.service, status: status,
            previous: previous)
        func event(
            _ type: NotificationEventType, task: TaskRecord?, message: Int64? = nil,
            extra: [String: JSONValue] = [:], priority: Int? = nil
        ) -> NotificationEvent {
            var data = base.merging(extra) { _, new in new }
            if let task {
                data["task"] = NotificationEvent.taskData(
                    id: task.id, stage: task.stage, step: task.step, sector: task.sector, office: task.office,
                    dueAt: task.dueAt, priority: priority)
            }
            return NotificationEvent(
                type: type, taskID: task?.id, messageID: message, sectors: task.map { [$0.sector] } ?? everySector,
                data: data)
        }
        var result: [NotificationEvent] = []
        var stagesOpened: Set<Int> = []
        for recorded in events {
            let message = recorded.details["message_id"].flatMap(Self.integer)
            switch recorded.action {
            case .informationRequested:
                result.append(event(.infoRequested, task: recorded.task, message: message))
            case .citizenReplied:
                result.append(event(.replyReceived, task: recorded.task, message: message))
            case .noteAdded where recorded.details["public"] == .bool(true):
                result.append(event(.noteAdded, task: nil, message: message))
            case .escalated:
                result.append(event(.escalated, task: recorded.task, priority: recorded.task?.priority))
            case .taskOpened:
                // Only the engine's stage advance opens tasks after submission: the stage before is complete.
                guard let task = recorded.task, task.stage > 1, stagesOpened.insert(task.stage).inserted else {
                    continue
                }
                result.append(
                    event(
                        .stageCompleted, task: nil,
                        extra: ["stage": .number(Double(task.stage - 1)), "next_stage": .number(Double(task.stage))]))
            default:
                continue
            }
        }
        guard status != previous else { return result }
        switch status {
        case .approved:
            result.append(event(.approved, task: events.last { $0.action == .approved }?.task))
        case .rejected:
            let decision = events.last { $0.action == .rejected }
            result.append(
                event(
                    .rejected, task: decision?.task,
                    message: decision?.details["message_id"].flatMap(Self.integer)))
        case .cancelled:
            result.append(event(.cancelled, task: nil))
        case .awaitingPayment, .submitted, .inReview, .awaitingCitizen:
            break
        }
        return result
    }

    /// A whole JSON number as an id.
    private static func integer(_ value: JSONValue) -> Int64? {
        guard case .number(let number) = value, number == number.rounded(), abs(number) < 9e15 else { return nil }
        return Int64(number)
    }
}
