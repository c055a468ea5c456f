extension Reports {
    /// A row of `sla`: per municipality × sector (× service with `by_service`). Missing measures are `null`.
    public struct SLARow: Codable, Sendable, Equatable {
        /// The group's municipality.
        public var municipality: String
        /// The group's sector.
        public var sector: String
        /// The group's service, with `by_service=true` only.
        public var service: String?
        /// Requests approved or rejected in the range.
        public var completed: Int64
        /// The share of those on time, 4 decimals.
        public var onTimeShare: Double?
        /// Median processing time in working days.
        public var medianWorkingDays: Double?
        /// 90th percentile of processing time in working days.
        public var p90WorkingDays: Double?
        /// Open or claimed tasks past due now.
        public var overdueOpenTasks: Int64

        /// An SLA row.
        public init(
            municipality: String, sector: String, service: String? = nil, completed: Int64, onTimeShare: Double?,
            medianWorkingDays: Double?, p90WorkingDays: Double?, overdueOpenTasks: Int64
        ) {
            self.municipality = municipality
            self.sector = sector
            self.service = service
            self.completed = completed
            self.onTimeShare = onTimeShare
            self.medianWorkingDays = medianWorkingDays
            self.p90WorkingDays = p90WorkingDays
            self.overdueOpenTasks = overdueOpenTasks
        }

        enum CodingKeys: String, CodingKey {
            case municipality, sector, service, completed
            case onTimeShare = "on_time_share"
            case medianWorkingDays = "median_working_days"
            case p90WorkingDays = "p90_working_days"
            case overdueOpenTasks = "overdue_open_tasks"
        }

        /// Writes the measures as `null` when there is nothing to measure; `service` only when grouped by it.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(municipality, forKey: .municipality)
            try container.encode(sector, forKey: .sector)
            try container.encodeIfPresent(service, forKey: .service)
            try container.encode(completed, forKey: .completed)
            try container.encode(onTimeShare, forKey: .onTimeShare)
            try container.encode(medianWorkingDays, forKey: .medianWorkingDays)
            try container.encode(p90WorkingDays, forKey: .p90WorkingDays)
            try container.encode(overdueOpenTasks, forKey: .overdueOpenTasks)
        }
    }

    /// A row of `backlog`: one queue's open tasks by age in whole working days.
    public struct BacklogRow: Codable, Sendable, Equatable {
        /// The queue's municipality.
        public var municipality: String
        /// The queue's sector.
        public var sector: String
        /// The queue's office.
        public var office: String
        /// Tasks open, claimed or awaiting the citizen.
        public var openTasks: Int64
        /// Aged 0–2 working days.
        public var age0To2: Int64
        /// Aged 3–5 working days.
        public var age3To5: Int64
        /// Aged 6–10 working days.
        public var age6To10: Int64
        /// Aged 11 working days or more.
        public var ageOver10: Int64
        /// Active clerks who could claim the queue's tasks now; 0 is a queue nobody watches.
        public var claimants: Int64

        /// A backlog row.
        public init(
            municipality: String, sector: String, office: String, openTasks: Int64, age0To2: Int64, age3To5: Int64,
            age6To10: Int64, ageOver10: Int64, claimants: Int64
        ) {
            self.municipality = municipality
            self.sector = sector
            self.office = office
            self.openTasks = openTasks
            self.age0To2 = age0To2
            self.age3To5 = age3To5
            self.age6To10 = age6To10
            self.ageOver10 = ageOver10
            self.claimants = claimants
        }

        enum CodingKeys: String, CodingKey {
            case municipality, sector, office, claimants
            case openTasks = "open_tasks"
            case age0To2 = "age_0_2"
            case age3To5 = "age_3_5"
            case age6To10 = "age_6_10"
            case ageOver10 = "age_over_10"
        }
    }

    /// A row of `throughput`: one period × municipality × sector.
    public struct ThroughputRow: Codable, Sendable, Equatable {
        /// The local date (or the Monday of the ISO week), `YYYY-MM-DD`.
        public var period: String
        /// The municipality.
        public var municipality: String
        /// The service's sector.
        public var sector: String
        /// Requests filed in the period.
        public var submissions: Int64
        /// Requests approved or rejected in the period.
        public var completions: Int64

        /// A throughput row.
        public init(period: String, municipality: String, sector: String, submissions: Int64, completions: Int64) {
            self.period = period
            self.municipality = municipality
            self.sector = sector
            self.submissions = submissions
            self.completions = completions
        }
    }

    /// A row of throughput's `clerks`: one clerk's actions in the range.
    public struct ClerkRow: Codable, Sendable, Equatable {
        /// The municipality.
        public var municipality: String
        /// The clerk's login.
        public var clerk: String
        /// Every action.
        public var actions: Int64
        /// Claims.
        public var claimed: Int64
        /// Approvals.
        public var approved: Int64
        /// Rejections.
        public var rejected: Int64
        /// Forwards.
        public var forwarded: Int64
        /// Requests for information.
        public var informationRequested: Int64

        /// A clerk's row.
        public init(
            municipality: String, clerk: String, actions: Int64, claimed: Int64, approved: Int64, rejected: Int64,
            forwarded: Int64, informationRequested: Int64
        ) {
            self.municipality = municipality
            self.clerk = clerk
            self.actions = actions
            self.claimed = claimed
            self.approved = approved
            self.rejected = rejected
            self.forwarded = forwarded
            self.informationRequested = informationRequested
        }

        enum CodingKeys: String, CodingKey {
            case municipality, clerk, actions, claimed, approved, rejected, forwarded
            case informationRequested = "information_requested"
        }
    }

    /// A row of `misroutes`: forwards from one sector to another.
    public struct MisrouteRow: Codable, Sendable, Equatable {
        /// The sector the tasks left.
        public var fromSector: String
        /// The sector they went to.
        public var toSector: String
        /// How many forwards.
        public var forwards: Int64

        /// A misroute row.
        public init(fromSector: String, toSector: String, forwards: Int64) {
            self.fromSector = fromSector
            self.toSector = toSector
            self.forwards = forwards
        }

        enum CodingKeys: String, CodingKey {
            case forwards
            case fromSector = "from_sector"
            case toSector = "to_sector"
        }
    }
}
