import Foundation
import NafidhaContract
import NafidhaCore

/// The JSON shapes of the catalog routes: every name and label in the asked language (`name`, `label`), and where
/// a client may want to switch language without asking again, all three (`names`).
enum CatalogOutput {
    struct MunicipalityList: Encodable {
        let language: String
        let municipalities: [Municipality]
    }

    struct Municipality: Encodable {
        let code, name: String
        let names: LocalizedText
        let country: String
        let capital: Bool
        let timeZone, currency: String

        init(_ municipality: NafidhaCore.Municipality, in language: Language) {
            code = municipality.code
            name = municipality.names.text(in: language)
            names = municipality.names
            country = municipality.country
            capital = municipality.capital
            timeZone = municipality.timeZone
            currency = municipality.currency
        }

        enum CodingKeys: String, CodingKey {
            case code, name, names, country, capital, currency
            case timeZone = "time_zone"
        }
    }

    struct SectorList: Encodable {
        let language: String
        let sectors: [Sector]
    }

    struct Sector: Encodable {
        let code, name: String
        let names: LocalizedText

        init(_ sector: NafidhaCore.Sector, in language: Language) {
            code = sector.code
            name = sector.names.text(in: language)
            names = sector.names
        }
    }

    struct ServiceList: Encodable {
        let language, municipality: String
        let services: [Service]
    }

    struct Service: Encodable {
        let code, name: String
        let names: LocalizedText
        let sector, description: String
        let slaDays: Int
        let fee: Decimal
        let currency: String
        let publicReport: Bool

        init(_ service: ServiceSummary, in language: Language) {
            code = service.code
            name = service.names.text(in: language)
            names = service.names
            sector = service.sector
            description = service.descriptions.text(in: language)
            slaDays = service.slaDays
            fee = service.fee
            currency = service.currency
            publicReport = service.publicReport
        }

        enum CodingKeys: String, CodingKey {
            case code, name, names, sector, description, fee, currency
            case slaDays = "sla_days"
            case publicReport = "public_report"
        }
    }

    struct ServiceDetail: Encodable {
        let language, municipality: String
        let service: Service
        let fields: [Field]
        let documents: [Document]
        let workflow: Workflow

        init(_ detail: NafidhaCore.ServiceDetail, in language: Language) {
            self.language = language.rawValue
            municipality = detail.municipality
            service = Service(detail.summary, in: language)
            fields = detail.fields.map { Field($0, in: language) }
            documents = detail.documents.map { Document(code: $0.code, name: $0.names.text(in: language)) }
            workflow = Workflow(detail, in: language)
        }

        /// The service's own members sit at the top level beside the form and the workflow.
        func encode(to encoder: any Encoder) throws {
            try service.encode(to: encoder)
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(language, forKey: .language)
            try container.encode(municipality, forKey: .municipality)
            try container.encode(fields, forKey: .fields)
            try container.encode(documents, forKey: .documents)
            try container.encode(workflow, forKey: .workflow)
        }

        enum CodingKeys: String, CodingKey {
            case language, municipality, fields, documents, workflow
        }
    }

    struct Field: Encodable {
        let code: String
        let datatype: FieldDatatype
        let required: Bool
        let label: String
        let labels: LocalizedText
        let choices: [Choice]?
        let maxLength: Int?
        let min, max: Decimal?

        init(_ field: FormField, in language: Language) {
            code = field.code
            datatype = field.datatype
            required = field.required
            label = field.labels.text(in: language)
            labels = field.labels
            let isChoice = field.datatype == .singleChoice || field.datatype == .multipleChoice
            choices = isChoice ? field.choices.map { Choice(code: $0.code, label: $0.labels.text(in: language)) } : nil
            maxLength = field.maxLength
            min = field.minValue
            max = field.maxValue
        }

        enum CodingKeys: String, CodingKey {
            case code, datatype, required, label, labels, choices, min, max
            case maxLength = "max_length"
        }
    }

    struct Choice: Encodable {
        let code, label: String
    }

    struct Document: Encodable {
        let code, name: String
    }

    struct Workflow: Encodable {
        let resolvedAt: Date
        let slaDays: Int
        let fee: Decimal
        let currency: String
        let stages: [Stage]

        init(_ detail: NafidhaCore.ServiceDetail, in language: Language) {
            let workflow = detail.workflow
            resolvedAt = workflow.resolvedAt
            slaDays = workflow.slaDays
            fee = workflow.fee
            currency = workflow.currency
            stages = workflow.stages.map { stage in
                Stage(
                    stage: stage.stage,
                    steps: stage.steps.map { step in
                        Step(
                            sector: step.sector, sectorName: detail.sectorNames[step.sector]?.text(in: language),
                            office: step.office, officeName: detail.officeNames[step.office]?.text(in: language),
                            slaDays: step.slaDays
                        )
                    })
            }
        }

        enum CodingKeys: String, CodingKey {
            case fee, currency, stages
            case resolvedAt = "resolved_at"
            case slaDays = "sla_days"
        }
    }

    struct Stage: Encodable {
        let stage: Int
        let steps: [Step]
    }

    struct Step: Encodable {
        let sector: String
        let sectorName: String?
        let office: String
        let officeName: String?
        let slaDays: Int

        enum CodingKeys: String, CodingKey {
            case sector, office
            case sectorName = "sector_name"
            case officeName = "office_name"
            case slaDays = "sla_days"
        }
    }
}
