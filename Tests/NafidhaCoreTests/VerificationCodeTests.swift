import NafidhaCore
import Testing
import Transparency

@Suite("Verification codes")
struct VerificationCodeTests {
    static let signature = String(repeating: "A", count: 85) + "A"

    @Test("a well-formed code reads back to its fields and spells itself the same way")
    func roundTrip() throws {
        let text = "NV1.TRP.TRP-7KQ4-M2X1.41." + Self.signature
        let code = try #require(VerificationCode(parsing: text))
        #expect(code.municipality == "TRP" && code.trackingNumber == "TRP-7KQ4-M2X1" && code.leafIndex == 41)
        #expect(code.signature == [UInt8](repeating: 0, count: 64))
        #expect(code.description == text)
    }

    @Test(
        "malformed or truncated codes are refused",
        arguments: [
            "", "NV1", "NV1.TRP.TRP-7KQ4-M2X1.41", "NV2.TRP.TRP-7KQ4-M2X1.41.\(signature)",
            "NV1.trp.TRP-7KQ4-M2X1.41.\(signature)", "NV1.BEN.TRP-7KQ4-M2X1.41.\(signature)",
            "NV1.TRP.TRP-7KQ4-M2X2.41.\(signature)", "NV1.TRP.TRP-7KQ4-M2X1.041.\(signature)",
            "NV1.TRP.TRP-7KQ4-M2X1.-1.\(signature)", "NV1.TRP.TRP-7KQ4-M2X1.9223372036854775808.\(signature)",
            "NV1.TRP.TRP-7KQ4-M2X1.41.\(signature.dropLast())", "NV1.TRP.TRP-7KQ4-M2X1.41.\(signature)AA",
            "NV1.TRP.TRP-7KQ4-M2X1.41.\(signature)==", "NV1.TRP.TRP-7KQ4-M2X1.41.\(signature.dropLast())B",
            "NV1.TRP.TRP-7KQ4-M2X1.41.\(signature).x",
        ])
    func refused(_ text: String) {
        #expect(VerificationCode(parsing: text) == nil)
    }

    @Test("the signed message is the five lines of docs/verification.md")
    func message() throws {
        let fields = VerificationCode.SignedFields(
            municipality: "TRP", trackingNumber: "TRP-7KQ4-M2X1", leafIndex: 41, leafHash: .emptyTree)
        #expect(
            String(decoding: fields.message, as: UTF8.self)
                == "nafidha-decision-code-v1\nTRP\nTRP-7KQ4-M2X1\n41\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n")
    }
}
