import Foundation
import NafidhaAPI
import NafidhaContract
import NafidhaCore
import TestSupport
import Testing
import Transparency

/// `GET /v1/requests/{tracking}/decision`: the printable page and its JSON form.
@Suite("Decision routes")
struct DecisionRoutesTests {
    /// The value of header `name`.
    static func header(_ response: APIResponse, _ name: String) -> String? {
        response.headers.first(name: name)
    }

    @Test(
        "the page is self-contained XHTML in the asked language, Arabic right to left, no script, no cache",
        arguments: [
            ("ar", "rtl", "الطلب مقبول"), ("fr", "ltr", "Demande approuvée"), ("en", "ltr", "Request approved"),
        ])
    func page(language: String, direction: String, outcome: String) throws {
        try DecisionFixture.withWorld { world in
            let published = try DecisionTampering.published(in: world)
            let client = APIClient(services: world.services)
            let response = try client.decision(published.decided, query: "?lang=\(language)")
            #expect(response.status == 200)
            #expect(Self.header(response, "Content-Type") == "text/html; charset=utf-8")
            #expect(Self.header(response, "Cache-Control") == "no-store")
            #expect(Self.header(response, "X-Content-Type-Options") == "nosniff")
            let policy = try #require(Self.header(response, "Content-Security-Policy"))
            #expect(policy.hasPrefix("default-src 'none'; style-src 'sha256-"))
            #expect(!policy.contains("unsafe") && !policy.contains("script-src"))
            let html = response.text
            #expect(XMLElementNode.parse(html) != nil, "well-formed XHTML")
            #expect(
                html.contains("<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"\(language)\" dir=\"\(direction)\">")
            )
            // The style sheet is the one the policy allows, byte for byte.
            let style = try #require(
                html.firstRange(of: "<style>").flatMap { start in
                    html.firstRange(of: "</style>").map { String(html[start.upperBound..<$0.lowerBound]) }
                })
            #expect(policy.contains("'sha256-\(Data(SHA256.hash(style)).base64EncodedString())'"))
            #expect(!html.contains("<script") && !html.contains("src=") && !html.contains("href="))
            let facts = published.document.facts
            let lang = try #require(Language(rawValue: language))
            #expect(html.contains(outcome))
            #expect(html.contains(facts.service.name.text(in: lang)))
            #expect(html.contains(facts.municipality.name.text(in: lang)))
            for step in facts.decisions { #expect(html.contains(step.sector.name.text(in: lang))) }
            #expect(html.contains("أمل بن سالم") && html.contains("••••••••3456"))
            #expect(!html.contains("119850123456") && !html.contains("0912345678"))
            #expect(html.contains(published.document.verificationCode))
            #expect(html.contains("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        }
    }

    @Test("without ?lang the page follows Accept-Language; ?format=json is the contract's document")
    func negotiationAndJSON() throws {
        try DecisionFixture.withWorld { world in
            let published = try DecisionTampering.published(in: world)
            let client = APIClient(services: world.services)
            let french = try client.decision(published.decided, headers: [("Accept-Language", "fr-DJ, ar;q=0.5")])
            #expect(french.text.contains("lang=\"fr\""))
            let json = try client.decision(published.decided, query: "?format=json")
            #expect(Self.header(json, "Cache-Control") == "no-store")
            let document = try ContractCheck.decode(json, as: Decisions.Document.self)
            #expect(document == published.document)
        }
    }

    @Test("refusals: bad format or language, not decided, not logged yet (Retry-After), wrong token, no key")
    func refusals() throws {
        try DecisionFixture.withWorld { world in
            let client = APIClient(services: world.services)
            let published = try DecisionTampering.published(in: world)
            try ContractCheck.error(try client.decision(published.decided, query: "?format=xml"), .invalidQuery)
            try ContractCheck.error(try client.decision(published.decided, query: "?lang=de"), .invalidQuery)
            let pending = try DecisionFixture.file(in: world)
            try ContractCheck.error(try client.decision(pending), .requestNotDecided)
            let unlogged = try DecisionFixture.decide(in: world)
            let waiting = try client.decision(unlogged)
            try ContractCheck.error(waiting, .decisionNotYetLogged)
            #expect(Self.header(waiting, "Retry-After") == "60")
            var stranger = published.decided
            stranger.token = pending.token
            try ContractCheck.error(try client.decision(stranger), .requestNotFound)
            let unsigned = APIClient(services: NafidhaServices(pool: world.pool))
            try ContractCheck.error(try unsigned.decision(published.decided), .signingNotConfigured)
        }
    }

    @Test("a page shows its own request only: another applicant's token or data never appear")
    func ownDataOnly() throws {
        try DecisionFixture.withWorld { world in
            let first = try DecisionFixture.decide(in: world, name: "Amal Ben Salem")
            let second = try DecisionFixture.decide(in: world, name: "Omar Haddad")
            try DecisionFixture.publish(world)
            let client = APIClient(services: world.services)
            let page = try client.decision(first).text
            #expect(page.contains("Amal Ben Salem") && page.contains(first.tracking))
            #expect(!page.contains("Omar Haddad") && !page.contains(second.tracking))
            var crossed = first
            crossed.token = second.token
            try ContractCheck.error(try client.decision(crossed, query: "?format=json"), .requestNotFound)
        }
    }
}
