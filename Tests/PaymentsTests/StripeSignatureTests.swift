import Foundation
import Payments
import Testing

@Suite("Stripe's webhook signature")
struct StripeSignatureTests {
    let payload = Data(#"{"id":"evt_1","type":"payment_intent.succeeded","data":{"object":{"id":"pi_1"}}}"#.utf8)
    let secret = "whsec_test_secret"
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    @Test("A delivery signed with our secret, on time, is accepted")
    func validSignature() throws {
        let header = StripeSignature.header(payload: payload, timestamp: 1_800_000_000 - 20, secret: secret)
        try StripeSignature.verify(header: header, payload: payload, secret: secret, now: now)
    }

    @Test("During a secret's rotation any one matching v1 signature is enough")
    func rotatedSecrets() throws {
        let good = StripeSignature.header(payload: payload, timestamp: 1_800_000_000, secret: secret)
        let old = StripeSignature.header(payload: payload, timestamp: 1_800_000_000, secret: "whsec_old")
        let combined = old + "," + good.split(separator: ",")[1]
        try StripeSignature.verify(header: combined, payload: payload, secret: secret, now: now)
    }

    @Test("Another secret, a changed body, an old timestamp or no header are refused, each with its reason")
    func refusals() {
        let header = StripeSignature.header(payload: payload, timestamp: 1_800_000_000, secret: secret)
        #expect(throws: WebhookSignatureError.mismatch) {
            try StripeSignature.verify(header: header, payload: payload, secret: "whsec_other", now: now)
        }
        var tampered = payload
        tampered[tampered.count - 3] = UInt8(ascii: "2")
        #expect(throws: WebhookSignatureError.mismatch) {
            try StripeSignature.verify(header: header, payload: tampered, secret: secret, now: now)
        }
        #expect(throws: WebhookSignatureError.staleTimestamp) {
            try StripeSignature.verify(header: header, payload: payload, secret: secret, now: now.addingTimeInterval(301))
        }
        #expect(throws: WebhookSignatureError.staleTimestamp) {
            try StripeSignature.verify(header: header, payload: payload, secret: secret, now: now.addingTimeInterval(-301))
        }
        #expect(throws: WebhookSignatureError.missingHeader) {
            try StripeSignature.verify(header: nil, payload: payload, secret: secret, now: now)
        }
        #expect(throws: WebhookSignatureError.malformedHeader) {
            try StripeSignature.verify(header: "t=abc,v1=zz", payload: payload, secret: secret, now: now)
        }
        #expect(throws: WebhookSignatureError.malformedHeader) {
            try StripeSignature.verify(header: "v1=" + String(repeating: "a", count: 64), payload: payload, secret: secret, now: now)
        }
    }
}
