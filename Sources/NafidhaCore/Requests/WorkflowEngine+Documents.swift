import Foundation
import NafidhaContract
import Postgres

/// Staff access to requests' documents: reads of personal data, authorized as the staff view of a request is
/// (`staffView`) and audited the same way, one `personal_data_viewed` event per listing or download.
extension WorkflowEngine {
    /// The documents of request `tracking`, for `member`; `request_not_found` when the request is unknown or out of
    /// the member's sight (as for `staffView`).
    public func staffDocuments(tracking: String, for member: StaffMember) throws -> Documents.List {
        try change { connection, _ in
            let request = try visibleRequest(tracking: tracking, documentID: nil, for: member, on: connection)
            let documents = try StoredDocument.all(ofRequest: request.id, on: connection)
            try audit(request, member: member, details: ["view": .string("documents")], on: connection)
            return Documents.List(documents: documents.map(\.summary))
        }
    }

    /// Document `id` for `member`, of request `tracking` when it is given; its download is audited here, before
    /// the bytes are read. `document_not_found` when no visible request has it.
    public func staffDocument(tracking: String?, id: String, for member: StaffMember) throws -> StoredDocument {
        guard let number = Int64(id), number > 0 else { throw NafidhaError(.documentNotFound) }
        return try change { connection, _ in
            let request = try visibleRequest(tracking: tracking, documentID: number, for: member, on: connection)
            let rows = try connection.queryPrepared(
                "SELECT \(StoredDocument.columns) FROM uploads u WHERE u.id = $1 AND u.request_id = $2",
                [number, request.id])
            guard let row = rows.first else { throw NafidhaError(.documentNotFound) }
            let document = try StoredDocument(row: row)
            try audit(
                request, member: member,
                details: [
                    "view": .string("document"), "document": .number(Double(document.id)),
                    "type": .string(document.type),
                ], on: connection)
            return document
        }
    }

    /// The request named by `tracking`, or the one holding document `documentID`, if `member` may see its personal
    /// data; otherwise the not-found error of what was asked for.
    private func visibleRequest(
        tracking: String?, documentID: Int64?, for member: StaffMember, on connection: PostgresConnection
    ) throws -> (id: Int64, municipality: String) {
        let missing = NafidhaError(documentID == nil ? .requestNotFound : .documentNotFound)
        let rows: PostgresRows
        if let tracking {
            rows = try connection.queryPrepared(
                "SELECT id, municipality_code FROM requests WHERE tracking_number = $1",
                [String(tracking.uppercased().prefix(64))])
        } else {
            rows = try connection.queryPrepared(
                """
                SELECT r.id, r.municipality_code FROM uploads u JOIN requests r ON r.id = u.request_id WHERE u.id = $1
                """,
                [documentID])
        }
        guard let row = rows.first else { throw missing }
        let id: Int64 = try row.decode("id")
        let municipality: String = try row.decode("municipality_code")
        let tasks = try Staff.QueueTask.all(ofRequest: id, on: connection)
        guard member.maySeePersonalData(municipality: municipality, tasks: tasks) else { throw missing }
        return (id, municipality)
    }

    private func audit(
        _ request: (id: Int64, municipality: String), member: StaffMember, details: [String: JSONValue],
        on connection: PostgresConnection
    ) throws {
        var details = details
        details["role"] = .string(member.role.rawValue)
        try AuditLog.append(
            on: connection, municipality: request.municipality, actorKind: member.actor.kind, actor: member.name,
            action: .personalDataViewed, requestID: request.id, details: details)
    }
}
