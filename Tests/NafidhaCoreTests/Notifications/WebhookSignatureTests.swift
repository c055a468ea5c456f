import Foundation
import NafidhaCore
import Testing

/// The Standard Webhooks signature (https://www.standardwebhooks.com), checked against the specification's own
/// example, which Python's hmac module gives too.
@Suite("Webhook signatures")
struct WebhookSignatureTests {
    static let secret = WebhookSecret(text: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")!
    static let body = Array(#"{"test": 2432232314}"#.utf8)

    @Test("signs the specification's example: v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")
    func specificationExample() {
        let headers = WebhookSignature.headers(
            id: "msg_p5jXN8AQM9LWM0D4loKWxJek", timestamp: Date(timeIntervalSince1970: 1_614_265_330),
            body: Self.body, secret: Self.secret.bytes)
        #expect(headers.map(\.name) == ["webhook-id", "webhook-timestamp", "webhook-signature"])
        #expect(
            headers.map(\.value) == [
                "msg_p5jXN8AQM9LWM0D4loKWxJek", "1614265330", "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
            ])
    }

    @Test("verification accepts the right signature among several and refuses a changed body, id or secret")
    func verification() {
        let header = "v1,bm9wZQ== v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="
        #expect(
            WebhookSignature.verify(
                id: "msg_p5jXN8AQM9LWM0D4loKWxJek", timestamp: "1614265330", body: Self.body, signatureHeader: header,
                secret: Self.secret.bytes))
        #expect(
            !WebhookSignature.verify(
                id: "msg_p5jXN8AQM9LWM0D4loKWxJek", timestamp: "1614265330", body: Self.body + [32],
                signatureHeader: header, secret: Self.secret.bytes))
        #expect(
            !WebhookSignature.verify(
                id: "msg_other", timestamp: "1614265330", body: Self.body, signatureHeader: header,
                secret: Self.secret.bytes))
        #expect(
            !WebhookSignature.verify(
                id: "msg_p5jXN8AQM9LWM0D4loKWxJek", timestamp: "1614265330", body: Self.body, signatureHeader: header,
                secret: WebhookSecret.generate().bytes))
    }

    @Test("a new secret is whsec_ and the base64 of 32 random bytes, and reads back")
    func secrets() {
        let secret = WebhookSecret.generate()
        #expect(secret.text.hasPrefix("whsec_") && secret.bytes.count == 32)
        #expect(WebhookSecret(text: secret.text) == secret)
        #expect(WebhookSecret(text: "whsec_not base64!") == nil && WebhookSecret(text: "sk_abc") == nil)
        #expect(WebhookSecret.generate() != secret)
    }
}
