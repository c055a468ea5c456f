import Foundation
import NafidhaContract
import Postgres
import TestSupport
import Testing

/// The contract against the real router, for the public routes: every answer of the health probes, the catalog,
/// intake and tracking decodes into the contract's type and encodes back to the same JSON; the bodies the contract
/// encodes are the ones the server reads.
@Suite("Contract: citizen and catalog routes")
struct ContractCitizenRoutesTests {
    static let water = Intake.Submission(
        service: "water_connection", municipality: "BEN",
        applicant: Intake.Applicant(name: "Amal Ben Salem", nationalID: "119850123456", phone: "0912345678"),
        fields: [
            "property_location": .object(["lat": .number(32.1), "long": .number(20.07)]),
            "property_type": .string("house"), "pipe_diameter": .string("d15"), "occupants": .number(4),
            "contact_phone": .string("0912345678"),
        ],
        description: "A house on the corner."
    )

    func withAPI(_ body: (APIClient) throws -> Void) throws {
        try TestDatabase.withDemoCatalog { database in
            let pool = PostgresPool(conninfo: database.conninfo)
            defer { pool.close() }
            try body(APIClient(pool: pool))
        }
    }

    @Test("the probes and every catalog answer decode into the contract and encode back the same, in each language")
    func catalog() throws {
        try withAPI { client in
            #expect(
                try ContractCheck.decode(client.send(Routes.health.target()), as: Health.Status.self).status == "ok")
            #expect(
                try ContractCheck.decode(client.send(Routes.readiness.target()), as: Health.Readiness.self).status
                    == "ready")
            for language in Language.allCases {
                let headers = [("Accept-Language", language.rawValue)]
                let municipalities = try ContractCheck.decode(
                    client.send(Routes.municipalities.target(), headers: headers), as: Catalog.MunicipalityList.self)
                #expect(municipalities.language == language)
                #expect(municipalities.municipalities.contains { $0.code == "TRP" && $0.capital })
                let sectors = try ContractCheck.decode(
                    client.send(Routes.sectors.target(), headers: headers), as: Catalog.SectorList.self)
                #expect(sectors.sectors.contains { $0.code == "civil_registry" })
                let services = try ContractCheck.decode(
                    client.send(Routes.services(municipality: "TRP"), headers: headers), as: Catalog.ServiceList.self)
                #expect(services.services.contains { $0.code == "building_permit" && $0.fee > 0 })
                let detail = try ContractCheck.decode(
                    client.send(Routes.service("building_permit", municipality: "TRP"), headers: headers),
                    as: Catalog.ServiceDetail.self)
                #expect(detail.service.code == "building_permit" && detail.municipality == "TRP")
                #expect(detail.fields.contains { $0.datatype == .singleChoice && $0.choices?.isEmpty == false })
                #expect(detail.fields.contains { $0.datatype == .number && $0.max != nil })
                #expect(detail.workflow.stages.first?.steps.first?.office == "LBY-CAPITAL_PLANNING")
            }
        }
    }

    @Test("a submission encoded by the contract is filed; receipt, tracking, reply and cancellation decode")
    func intakeAndTracking() throws {
        try withAPI { client in
            let receipt = try ContractCheck.decode(
                client.send(Routes.submit.target(), body: Self.water), as: Intake.Receipt.self, status: 201)
            #expect(receipt.status == .submitted && receipt.channel == .api)
            #expect(receipt.steps.map(\.status) == [.open, .waiting] && receipt.steps[1].dueAt == nil)
            let citizen = [("Authorization", "Bearer \(receipt.accessToken)")]
            let tracked = try ContractCheck.decode(
                client.send(
                    Routes.trackedRequest(receipt.trackingNumber), headers: citizen + [("Accept-Language", "ar")]),
                as: Tracking.Request.self)
            #expect(tracked.trackingNumber == receipt.trackingNumber && tracked.closedAt == nil)
            #expect(tracked.timeline.map(\.event) == [.submitted, .taskOpened])
            let cancelled = try ContractCheck.decode(
                client.send(Routes.cancel(receipt.trackingNumber), headers: citizen), as: Tracking.Request.self)
            #expect(cancelled.status == .cancelled && cancelled.closedAt != nil)
            #expect(cancelled.timeline.last?.event == .cancelled)
            // Nothing awaits the citizen: the reply is refused, and the refusal is the contract's error body.
            try ContractCheck.error(
                client.send(
                    Routes.reply(receipt.trackingNumber), body: Tracking.ReplyBody(message: "Here it is"),
                    headers: citizen),
                .nothingAwaitingCitizen)
        }
    }

    @Test("error answers of the API and of the HTTP layer decode into the contract's error body with their status")
    func errors() throws {
        try withAPI { client in
            try ContractCheck.error(client.send(Routes.staffMe.target()), .invalidToken)
            try ContractCheck.error(client.send(Routes.services.target()), .municipalityRequired)
            try ContractCheck.error(client.send(Routes.service("nope", municipality: "TRP")), .unknownService)
            try ContractCheck.error(client.send(Routes.trackedRequest("BEN-0000-0000")), .requestNotFound)
            let invalid = try ContractCheck.error(
                client.send("POST", Routes.submit.template.path, body: #"{"service": 7}"#), .validationFailed)
            #expect(invalid.error.fields?["service"] != nil)
            try ContractCheck.error(client.send("POST", Routes.submit.template.path, body: "{"), .invalidJSON)
            try ContractCheck.error(client.send("GET", "/v1/nowhere"), .notFound)
            try ContractCheck.error(client.send("DELETE", Routes.staffMe.template.path), .methodNotAllowed)
        }
    }

    @Test("every route of the contract is registered on the server under its method")
    func everyRouteIsRegistered() throws {
        try withAPI { client in
            for template in Routes.all {
                var path = template.path
                for name in template.parameterNames { path = path.replacingOccurrences(of: ":" + name, with: "1") }
                let response = try client.send(template.method.rawValue, path)
                #expect(
                    ![ErrorCode.notFound.rawValue, ErrorCode.methodNotAllowed.rawValue].contains(response.errorCode),
                    "\(template): \(response.text)")
            }
        }
    }
}
