import Foundation

extension Staff {
    /// The query of `GET /v1/staff/requests`: what to look for (exactly one of national id, phone or name), and
    /// optionally in which municipality and which page.
    public struct RequestSearchQuery: Sendable, Equatable {
        /// What identifies the applicant. The server normalizes each before comparing (docs/clerks.md, "Search").
        public enum Criterion: Sendable, Equatable {
            /// `national_id=`: the national id, in any digits (ASCII or Arabic-Indic), separators ignored.
            case nationalID(String)
            /// `phone=`: the phone number, international (`+218…`, `00218…`) or national (`091…`).
            case phone(String)
            /// `name=`: part of the applicant's name, at least 3 characters; Arabic spelling variants and Latin
            /// case are ignored.
            case name(String)

            /// The query parameter that carries it.
            public var parameter: String {
                switch self {
                case .nationalID: "national_id"
                case .phone: "phone"
                case .name: "name"
                }
            }

            /// The text as given.
            public var text: String {
                switch self {
                case .nationalID(let text), .phone(let text), .name(let text): text
                }
            }
        }

        /// What to look for.
        public var criterion: Criterion
        /// Only this municipality (in scope).
        public var municipality: String?
        /// Page size, 1–50 (default 20).
        public var limit: Int?
        /// The `next_cursor` of the previous page.
        public var cursor: String?

        /// A search.
        public init(_ criterion: Criterion, municipality: String? = nil, limit: Int? = nil, cursor: String? = nil) {
            self.criterion = criterion
            self.municipality = municipality
            self.limit = limit
            self.cursor = cursor
        }

        /// The parameters that are set, as the server reads them.
        public var items: [QueryItem] {
            var items = [QueryItem(criterion.parameter, criterion.text)]
            if let municipality { items.append(QueryItem("municipality", municipality)) }
            if let limit { items.append(QueryItem("limit", String(limit))) }
            if let cursor { items.append(QueryItem("cursor", cursor)) }
            return items
        }
    }

    /// One request a search found, with the applicant's personal data (its reading is audited).
    public struct RequestMatch: Codable, Sendable, Equatable {
        /// The tracking number, what `nafidha show` takes.
        public var trackingNumber: String
        /// The service's code.
        public var service: String
        /// The service's name in each language.
        public var serviceName: LocalizedText
        /// The municipality's code.
        public var municipality: String
        /// The request's status.
        public var status: RequestStatus
        /// When it was filed.
        public var submittedAt: Date
        /// The applicant's name.
        public var applicantName: String
        /// The applicant's national id.
        public var applicantNationalID: String?
        /// The applicant's phone, E.164.
        public var applicantPhone: String?

        /// A found request.
        public init(
            trackingNumber: String, service: String, serviceName: LocalizedText, municipality: String,
            status: RequestStatus, submittedAt: Date, applicantName: String, applicantNationalID: String?,
            applicantPhone: String?
        ) {
            self.trackingNumber = trackingNumber
            self.service = service
            self.serviceName = serviceName
            self.municipality = municipality
            self.status = status
            self.submittedAt = submittedAt
            self.applicantName = applicantName
            self.applicantNationalID = applicantNationalID
            self.applicantPhone = applicantPhone
        }

        enum CodingKeys: String, CodingKey {
            case service, municipality, status
            case trackingNumber = "tracking_number"
            case serviceName = "service_name"
            case submittedAt = "submitted_at"
            case applicantName = "applicant_name"
            case applicantNationalID = "applicant_national_id"
            case applicantPhone = "applicant_phone"
        }
    }

    /// `GET /v1/staff/requests`: one page of found requests, newest first, and the cursor of the next page.
    public struct RequestSearchPage: Codable, Sendable, Equatable {
        /// The requests, newest first.
        public var requests: [RequestMatch]
        /// Pass as `cursor` for the next page; absent on the last page.
        public var nextCursor: String?

        /// A page.
        public init(requests: [RequestMatch], nextCursor: String?) {
            self.requests = requests
            self.nextCursor = nextCursor
        }

        enum CodingKeys: String, CodingKey {
            case requests
            case nextCursor = "next_cursor"
        }
    }
}
