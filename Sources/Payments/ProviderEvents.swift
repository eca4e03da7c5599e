import Domain
import Foundation

/// A webhook body that is not an event we can read.
public struct MalformedEvent: Error, Equatable, Sendable {
    public let reason: String
}

/// Reads a JSON object without a schema: providers add fields all the time, and only a few matter.
struct JSONObject {
    let values: [String: Any]

    init(_ values: [String: Any]) { self.values = values }

    init(data: Data) throws(MalformedEvent) {
        guard let object = try? JSONSerialization.jsonObject(with: data), let values = object as? [String: Any] else {
            throw MalformedEvent(reason: "The body is not a JSON object.")
        }
        self.values = values
    }

    func string(_ key: String) -> String? { values[key] as? String }
    func int(_ key: String) -> Int? { (values[key] as? NSNumber).map { $0.intValue } ?? (values[key] as? String).flatMap { Int($0) } }
    func object(_ key: String) -> JSONObject? { (values[key] as? [String: Any]).map(JSONObject.init) }
    func array(_ key: String) -> [JSONObject] { (values[key] as? [[String: Any]] ?? []).map(JSONObject.init) }
    /// An id field that may come expanded into an object.
    func id(_ key: String) -> String? { string(key) ?? object(key)?.string("id") }
}

/// Stripe's events, as the ledger reads them.
public enum StripeEvents {
    public static func parse(_ data: Data) throws(MalformedEvent) -> LedgerEvent {
        let event = try JSONObject(data: data)
        guard let id = event.string("id"), let type = event.string("type"), let object = event.object("data")?.object("object") else {
            throw MalformedEvent(reason: "A Stripe event has an id, a type and data.object.")
        }
        func payment(_ change: PaymentChange) throws(MalformedEvent) -> LedgerEvent.Kind {
            guard let intent = object.string("id") else { throw MalformedEvent(reason: "The PaymentIntent has no id.") }
            return .payment(payment: intent, reference: object.object("metadata")?.string("reference"), change: change)
        }
        let kind: LedgerEvent.Kind
        switch type {
        case "payment_intent.succeeded": kind = try payment(.received)
        case "payment_intent.payment_failed": kind = try payment(.failed)
        case "charge.refunded":
            guard let intent = object.id("payment_intent"), let refunded = object.int("amount_refunded") else {
                throw MalformedEvent(reason: "The charge names no payment_intent or amount_refunded.")
            }
            kind = .payment(
                payment: intent, reference: object.object("metadata")?.string("reference"), change: .refunded(totalMinorUnits: refunded))
        case "invoice.paid", "invoice.payment_succeeded":
            guard let subscription = object.id("subscription"), let intent = object.id("payment_intent"),
                let paid = object.int("amount_paid"), let currency = object.string("currency")
            else {
                kind = .ignored
                break
            }
            kind = .subscriptionCharged(
                subscription: subscription, payment: intent, amount: Money(minorUnits: paid, currency: currency),
                isFirst: object.string("billing_reason") == "subscription_create")
        case "customer.subscription.deleted":
            guard let subscription = object.string("id") else { throw MalformedEvent(reason: "The subscription has no id.") }
            kind = .subscriptionEnded(subscription: subscription)
        default: kind = .ignored
        }
        return LedgerEvent(provider: .stripe, eventID: id, type: type, kind: kind)
    }
}

/// PayPal's webhook events (Orders v2 captures), as the ledger reads them.
public enum PayPalEvents {
    public static func parse(_ data: Data) throws(MalformedEvent) -> LedgerEvent {
        let event = try JSONObject(data: data)
        guard let id = event.string("id"), let type = event.string("event_type"), let resource = event.object("resource") else {
            throw MalformedEvent(reason: "A PayPal event has an id, an event_type and a resource.")
        }
        let reference = resource.string("custom_id")
        let order = resource.object("supplementary_data")?.object("related_ids")?.string("order_id")
        let kind: LedgerEvent.Kind
        switch type {
        case "PAYMENT.CAPTURE.COMPLETED":
            kind = .payment(payment: order ?? resource.string("id") ?? "", reference: reference, change: .received)
        case "PAYMENT.CAPTURE.DENIED", "PAYMENT.CAPTURE.DECLINED":
            kind = .payment(payment: order ?? resource.string("id") ?? "", reference: reference, change: .failed)
        case "PAYMENT.CAPTURE.REFUNDED":
            // The refund's "up" link names the capture; the breakdown carries the running total.
            let capture = resource.array("links").first { $0.string("rel") == "up" }?.string("href")?.split(separator: "/").last.map(
                String.init)
            let total = resource.object("seller_payable_breakdown")?.object("total_refunded_amount") ?? resource.object("amount")
            guard let total, let value = total.string("value"), let currency = total.string("currency_code"),
                case .success(let money) = DonationAmount.parse(value, currency: currency)
            else { throw MalformedEvent(reason: "The refund has no amount.") }
            kind = .payment(payment: capture ?? "", reference: reference, change: .refunded(totalMinorUnits: money.minorUnits))
        default: kind = .ignored
        }
        return LedgerEvent(provider: .paypal, eventID: id, type: type, kind: kind)
    }
}
