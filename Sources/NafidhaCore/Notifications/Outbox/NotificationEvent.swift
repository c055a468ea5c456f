import Foundation
import NafidhaContract

/// An event a change writes to the outbox (`notification_events`), before it has an id: its type, what it concerns
/// and its `data`, which never holds personal data (texts are referenced by `messageID`).
struct NotificationEvent: Sendable, Equatable {
    /// What happened.
    var type: NotificationEventType
    /// The task concerned, if any.
    var taskID: Int64?
    /// The request message (question, reply, reason, public note) the texts quote, if any.
    var messageID: Int64?
    /// The sectors concerned: the task's, or every task's of the request.
    var sectors: [String]
    /// The event's `data` without `event_id`, which the database adds when it is read (`Events.EventData`).
    var data: [String: JSONValue]

    /// The `data` members every event of a request has.
    static func requestData(
        tracking: String, municipality: String, service: String, status: RequestStatus, previous: RequestStatus?
    ) -> [String: JSONValue] {
        var data: [String: JSONValue] = [
            "tracking_number": .string(tracking), "municipality": .string(municipality), "service": .string(service),
            "status": .string(status.rawValue),
        ]
        if let previous, previous != status { data["previous_status"] = .string(previous.rawValue) }
        return data
    }

    /// The `task` member of `data` (`Events.Task`).
    static func taskData(
        id: Int64, stage: Int, step: Int, sector: String, office: String, dueAt: Date?, priority: Int? = nil
    ) -> JSONValue {
        var task: [String: JSONValue] = [
            "id": .number(Double(id)), "stage": .number(Double(stage)), "step": .number(Double(step)),
            "sector": .string(sector), "office": .string(office),
        ]
        if let dueAt { task["due_at"] = .string(ISO8601DateFormatter().string(from: dueAt)) }
        if let priority { task["priority"] = .number(Double(priority)) }
        return .object(task)
    }

    /// The row as one element of the outbox statement's `jsonb_to_recordset` parameter.
    var recordJSON: JSONValue {
        .object([
            "type": .string(type.rawValue), "task_id": taskID.map { .number(Double($0)) } ?? .null,
            "message_id": messageID.map { .number(Double($0)) } ?? .null,
            "sectors": .array(sectors.map(JSONValue.string)), "data": .object(data),
        ])
    }
}
