import Foundation
import NafidhaCore

/// The spec's documents built from the service layer's views, members in the spec's order.
extension Open311Document {
    static func services(_ services: [Open311Service]) -> Open311Document {
        Open311Document(
            root: "services",
            node: .list(
                item: "service",
                services.map { service in
                    .object([
                        ("service_code", .text(service.code)), ("service_name", .text(service.name)),
                        ("description", .text(service.description)), ("metadata", .bool(service.metadata)),
                        ("type", .text(service.type)), ("keywords", .text(service.keywords)),
                        ("group", .text(service.group)),
                    ])
                }))
    }

    static func definition(_ definition: Open311ServiceDefinition) -> Open311Document {
        let attributes = definition.attributes.map { attribute -> Open311Node in
            .object([
                ("variable", .bool(attribute.variable)), ("code", .text(attribute.code)),
                ("datatype", .text(attribute.datatype)), ("required", .bool(attribute.required)),
                ("datatype_description", .text(attribute.datatypeDescription)),
                ("order", .number(Double(attribute.order))), ("description", .text(attribute.description)),
                (
                    "values",
                    .list(
                        item: "value",
                        attribute.values.map { value in
                            .object([("key", .text(value.key)), ("name", .text(value.name))])
                        })
                ),
            ])
        }
        return Open311Document(
            root: "service_definition",
            node: .object([
                ("service_code", .text(definition.code)), ("attributes", .list(item: "attribute", attributes)),
            ]))
    }

    static func requests(_ views: [Open311RequestView]) -> Open311Document {
        Open311Document(
            root: "service_requests",
            node: .list(
                item: "request",
                views.map { view in
                    .object([
                        ("service_request_id", .text(view.serviceRequestID)), ("status", .text(view.status.rawValue)),
                        ("status_notes", .text(view.statusNotes)), ("service_name", .text(view.serviceName)),
                        ("service_code", .text(view.serviceCode)), ("description", .text(view.description)),
                        ("agency_responsible", .text(view.agencyResponsible)),
                        ("service_notice", .text(view.serviceNotice)),
                        ("requested_datetime", .text(Open311Dates.format(view.requestedDatetime))),
                        ("updated_datetime", .text(Open311Dates.format(view.updatedDatetime))),
                        ("expected_datetime", .optional(view.expectedDatetime.map(Open311Dates.format))),
                        ("address", .optional(view.address)), ("address_id", .null), ("zipcode", .null),
                        ("lat", .optional(view.lat)), ("long", .optional(view.long)),
                        ("media_url", .optional(view.mediaURL)),
                    ])
                }))
    }

    static func receipt(_ receipt: Open311Receipt) -> Open311Document {
        Open311Document(
            root: "service_requests",
            node: .list(
                item: "request",
                [
                    .object([
                        ("service_request_id", .text(receipt.serviceRequestID)),
                        ("service_notice", .text(receipt.serviceNotice)),
                        ("account_id", .optional(receipt.accountID)),
                    ])
                ]))
    }

    /// `GET tokens/{token}`: our requests are created synchronously, so the token is the tracking number itself.
    static func token(_ id: String) -> Open311Document {
        Open311Document(
            root: "service_requests",
            node: .list(
                item: "request",
                [
                    .object([
                        ("service_request_id", .text(id)), ("token", .text(id)),
                    ])
                ]))
    }

    /// The spec's error list: `code` is the HTTP status, `description` says what is wrong (one entry per parameter).
    static func errors(status: Int, descriptions: [String]) -> Open311Document {
        Open311Document(
            root: "errors",
            node: .list(
                item: "error",
                descriptions.map { description in
                    .object([("code", .number(Double(status))), ("description", .text(description))])
                }))
    }
}
