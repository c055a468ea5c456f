/// The parts of `resolve_service`'s jsonb snapshot that submission needs (the whole text is stored as-is).
struct ResolvedSnapshot: Sendable, Decodable {
    var slaDays: Int
    var fee: Double
    var currency: String
    var stages: [Stage]

    struct Stage: Sendable, Decodable {
        var stage: Int
        var steps: [Step]
    }

    struct Step: Sendable, Decodable {
        var step: Int
        var sector: String
        var office: String
        var slaDays: Int

        enum CodingKeys: String, CodingKey {
            case step, sector, office
            case slaDays = "sla_days"
        }
    }

    enum CodingKeys: String, CodingKey {
        case slaDays = "sla_days"
        case fee, currency, stages
    }
}
