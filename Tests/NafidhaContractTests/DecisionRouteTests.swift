import NafidhaContract
import Testing

@Suite("Routes of verifiable decisions")
struct DecisionRouteTests {
    @Test("the builders percent-encode each parameter and spell the queries")
    func targets() {
        #expect(Routes.decision("TRP-7KQ4-M2X1").requestTarget == "/v1/requests/TRP-7KQ4-M2X1/decision?format=json")
        #expect(
            Routes.decisionPage("TRP-7KQ4-M2X1", language: .arabic).requestTarget
                == "/v1/requests/TRP-7KQ4-M2X1/decision?lang=ar")
        #expect(Routes.decisionPage("a/b").requestTarget == "/v1/requests/a%2Fb/decision")
        #expect(Routes.verifyCode("NV1.TRP.x-_").requestTarget == "/v1/verify/NV1.TRP.x-_")
        #expect(
            Routes.auditCheckpoint(municipality: "TRP", size: 9).requestTarget
                == "/v1/audit/checkpoints?municipality=TRP&size=9")
        #expect(
            Routes.auditConsistencyProof(municipality: "BEN", first: 1, second: 2).requestTarget
                == "/v1/audit/proofs/consistency?municipality=BEN&first=1&second=2")
        #expect(Routes.verifyDocument.method == .post && Routes.auditPublicKey.template.path == "/v1/audit/public-key")
    }
}
