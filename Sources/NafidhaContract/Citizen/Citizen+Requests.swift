import Foundation

extension Citizen {
    /// One request of `GET /v1/citizen/requests`: what the list shows; `GET /v1/requests/{tracking}` with the same
    /// session shows the rest.
    public struct RequestSummary: Codable, Sendable, Equatable {
        /// The request's public reference.
        public var trackingNumber: String
        /// Its status.
        public var status: RequestStatus
        /// The service's code and name in the asked language.
        public var service: String
        /// The service's name.
        public var serviceName: String
        /// The municipality's code.
        public var municipality: String
        /// The municipality's name.
        public var municipalityName: String
        /// When it was filed.
        public var submittedAt: Date
        /// When it was approved, rejected or cancelled.
        public var closedAt: Date?

        /// A listed request.
        public init(
            trackingNumber: String, status: RequestStatus, service: String, serviceName: String,
            municipality: String, municipalityName: String, submittedAt: Date, closedAt: Date?
        ) {
            self.trackingNumber = trackingNumber
            self.status = status
            self.service = service
            self.serviceName = serviceName
            self.municipality = municipality
            self.municipalityName = municipalityName
            self.submittedAt = submittedAt
            self.closedAt = closedAt
        }

        enum CodingKeys: String, CodingKey {
            case status, service, municipality
            case trackingNumber = "tracking_number"
            case serviceName = "service_name"
            case municipalityName = "municipality_name"
            case submittedAt = "submitted_at"
            case closedAt = "closed_at"
        }
    }

    /// A page of the session's requests, newest first.
    public struct RequestPage: Codable, Sendable, Equatable {
        /// The requests.
        public var requests: [RequestSummary]
        /// Pass as `cursor` for the next page; absent on the last one.
        public var nextCursor: String?

        /// A page.
        public init(requests: [RequestSummary], nextCursor: String?) {
            self.requests = requests
            self.nextCursor = nextCursor
        }

        enum CodingKeys: String, CodingKey {
            case requests
            case nextCursor = "next_cursor"
        }
    }
}
