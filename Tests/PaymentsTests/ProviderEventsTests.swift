import Domain
import Foundation
import Payments
import Testing

@Suite("Providers' events as the ledger reads them")
struct ProviderEventsTests {
    func stripe(_ type: String, _ object: String) throws -> LedgerEvent {
        try StripeEvents.parse(Data(#"{"id":"evt_9","type":"\#(type)","created":1,"data":{"object":\#(object)}}"#.utf8))
    }

    @Test("Stripe: payments, refunds as running totals, renewals and ended subscriptions")
    func stripeEvents() throws {
        #expect(
            try stripe("payment_intent.succeeded", #"{"id":"pi_1","metadata":{"reference":"GZ-1"}}"#).kind
                == .payment(payment: "pi_1", reference: "GZ-1", change: .received))
        #expect(
            try stripe("payment_intent.payment_failed", #"{"id":"pi_1","metadata":{}}"#).kind
                == .payment(payment: "pi_1", reference: nil, change: .failed))
        #expect(
            try stripe("charge.refunded", #"{"id":"ch_1","payment_intent":"pi_1","amount_refunded":500}"#).kind
                == .payment(payment: "pi_1", reference: nil, change: .refunded(totalMinorUnits: 500)))
        #expect(
            try stripe(
                "invoice.paid",
                #"{"id":"in_1","subscription":"sub_1","payment_intent":"pi_2","amount_paid":1000,"currency":"eur","billing_reason":"subscription_cycle"}"#
            ).kind
                == .subscriptionCharged(
                    subscription: "sub_1", payment: "pi_2", amount: Money(minorUnits: 1000, currency: "EUR"), isFirst: false))
        #expect(try stripe("customer.subscription.deleted", #"{"id":"sub_1"}"#).kind == .subscriptionEnded(subscription: "sub_1"))
        #expect(try stripe("customer.created", #"{"id":"cus_1"}"#).kind == .ignored)
    }

    @Test("Bodies that are not events are refused with a reason")
    func malformed() {
        #expect(throws: MalformedEvent.self) { try StripeEvents.parse(Data("[1,2]".utf8)) }
        #expect(throws: MalformedEvent.self) { try StripeEvents.parse(Data(#"{"id":"evt_1","type":"x"}"#.utf8)) }
        #expect(throws: MalformedEvent.self) {
            try StripeEvents.parse(Data(#"{"id":"evt_1","type":"charge.refunded","data":{"object":{"id":"ch_1"}}}"#.utf8))
        }
        #expect(throws: MalformedEvent.self) { try PayPalEvents.parse(Data("not json".utf8)) }
    }

    @Test("PayPal: captures by their order, refunds by their running total")
    func paypalEvents() throws {
        let completed = try PayPalEvents.parse(
            Data(
                #"{"id":"WH-1","event_type":"PAYMENT.CAPTURE.COMPLETED","resource":{"id":"CAP1","custom_id":"GZ-2","status":"COMPLETED","supplementary_data":{"related_ids":{"order_id":"ORD1"}}}}"#
                    .utf8))
        #expect(completed.kind == .payment(payment: "ORD1", reference: "GZ-2", change: .received))
        let refunded = try PayPalEvents.parse(
            Data(
                #"{"id":"WH-2","event_type":"PAYMENT.CAPTURE.REFUNDED","resource":{"id":"REF1","custom_id":"GZ-2","amount":{"value":"2.00","currency_code":"USD"},"seller_payable_breakdown":{"total_refunded_amount":{"value":"5.50","currency_code":"USD"}},"links":[{"rel":"up","href":"https://api.example/v2/payments/captures/CAP1"}]}}"#
                    .utf8))
        #expect(refunded.kind == .payment(payment: "CAP1", reference: "GZ-2", change: .refunded(totalMinorUnits: 550)))
        let denied = try PayPalEvents.parse(
            Data(#"{"id":"WH-3","event_type":"PAYMENT.CAPTURE.DENIED","resource":{"id":"CAP2","custom_id":"GZ-3"}}"#.utf8))
        #expect(denied.kind == .payment(payment: "CAP2", reference: "GZ-3", change: .failed))
    }
}
