import Foundation
import NafidhaAPI
import NafidhaContract
import NafidhaCore
import TestSupport
import Testing
import Transparency

/// The public verification: `GET /v1/verify/{code}` and `POST /v1/verify`.
@Suite("Verification routes")
struct VerificationRoutesTests {
    @Test(
        "the page's QR Code, rasterized and read by ZBar, is a code the public verification accepts",
        .enabled(if: QRReader.present, "rsvg-convert (librsvg2-bin) and zbarimg (zbar-tools) are not installed"))
    func qrCodeVerifies() throws {
        try DecisionFixture.withWorld { world in
            let published = try DecisionTampering.published(in: world)
            let client = APIClient(services: world.services)
            let page = try client.decision(published.decided, query: "?lang=ar").text
            let start = try #require(page.firstRange(of: "<svg "))
            let end = try #require(page.firstRange(of: "</svg>"))
            let code = try QRReader.read(svg: String(page[start.lowerBound..<end.upperBound]))
            #expect(code == published.document.verificationCode)
            let response = try client.send(Routes.verifyCode(code))
            let answer = try ContractCheck.decode(response, as: Decisions.Verification.self)
            #expect(answer.valid)
            #expect(answer.decision?.facts == published.document.facts)
            #expect(answer.decision?.applicant == nil)
            // Nothing personal beyond what the page printed, and here not even the name.
            #expect(!response.text.contains("أمل") && !response.text.contains("3456"))
        }
    }

    @Test("malformed and truncated codes are 400, codes no decision matches 404, and without a key 503")
    func badCodes() throws {
        try DecisionFixture.withWorld { world in
            let published = try DecisionTampering.published(in: world)
            let client = APIClient(services: world.services)
            let code = published.document.verificationCode
            for malformed in [String(code.dropLast(10)), "NV1.TRP", "x", code + ".1"] {
                try ContractCheck.error(try client.send(Routes.verifyCode(malformed)), .invalidVerificationCode)
            }
            let forged = try DecisionTampering.resigned(published.document, with: DecisionFixture.otherKey)
            try ContractCheck.error(try client.send(Routes.verifyCode(forged.verificationCode)), .decisionNotFound)
            let unsigned = APIClient(services: NafidhaServices(pool: world.pool))
            try ContractCheck.error(try unsigned.send(Routes.verifyCode(code)), .signingNotConfigured)
        }
    }

    @Test("POST /v1/verify accepts the genuine document and names the problem of each forgery")
    func documents() throws {
        try DecisionFixture.withWorld { world in
            let published = try DecisionTampering.published(in: world)
            let client = APIClient(services: world.services)
            let valid = try ContractCheck.decode(
                try client.send(Routes.verifyDocument.target(), body: published.document),
                as: Decisions.Verification.self)
            #expect(valid.valid && valid.decision?.applicant == nil)
            for forgery in try DecisionTampering.cases(of: published.document, in: world) {
                let answer = try ContractCheck.decode(
                    try client.send(Routes.verifyDocument.target(), body: forgery.document),
                    as: Decisions.Verification.self)
                #expect(answer == .init(valid: false, problem: forgery.problem), "\(forgery.name)")
            }
            try ContractCheck.error(try client.send("POST", "/v1/verify", body: "{\"format\":"), .invalidJSON)
        }
    }

    @Test("each client address has a bucket: past its burst the answer is 429 with Retry-After")
    func rateLimited() throws {
        try DecisionFixture.withWorld { world in
            let published = try DecisionTampering.published(in: world)
            var limits = VerificationLimits()
            limits.burst = 3
            limits.perMinute = 2
            let client = APIClient(services: world.services, limits: limits)
            let code = published.document.verificationCode
            for _ in 0..<2 { #expect(try client.send(Routes.verifyCode(code)).status == 200) }
            #expect(try client.send(Routes.verifyDocument.target(), body: published.document).status == 200)
            let refused = try client.send(Routes.verifyCode(code))
            try ContractCheck.error(refused, .tooManyVerifications)
            let wait = try #require(refused.headers.first(name: "Retry-After").flatMap(Int.init))
            #expect((1...30).contains(wait))
            // Malformed codes count too: the bucket is taken before the code is read.
            try ContractCheck.error(try client.send(Routes.verifyCode("x")), .tooManyVerifications)
        }
    }
}
