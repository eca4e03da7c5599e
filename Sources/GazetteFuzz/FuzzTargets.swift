import Domain
import Forms
import Foundation
import NIOCore
import Routes
import Views

/// What the fuzzers check for each input, beyond "does not crash": the sanitiser's output is
/// stable and allow-listed, rendered Markdown holds nothing but allowed markup and our own embed
/// facades, the form readers never trap, and query values survive an encode/decode round trip.
/// A violated property traps, which libFuzzer reports as a crash with the input that caused it.
/// `Tests/FuzzTests` replays the committed corpus through the same checks on every test run.
public enum FuzzTarget: String, CaseIterable, Sendable {
    case sanitizer
    case markdown
    case multipart
    case query
    case amount

    public func check(_ bytes: [UInt8]) {
        switch self {
        case .sanitizer: Self.sanitizer(bytes)
        case .markdown: Self.markdown(bytes)
        case .multipart: Self.multipart(bytes)
        case .query: Self.query(bytes)
        case .amount: Self.amount(bytes)
        }
    }

    static func sanitizer(_ bytes: [UInt8]) {
        let input = String(decoding: bytes, as: UTF8.self)
        for policy in [HTMLPolicy.article, .comment] {
            let output = HTMLSanitizer.sanitize(input, policy: policy)
            expectAllowed(output, policy: policy, extraAttributes: [:])
            precondition(HTMLSanitizer.sanitize(output, policy: policy) == output, "sanitising twice changed the output")
        }
    }

    static func markdown(_ bytes: [UInt8]) {
        let body = BodyRenderer.render(markdown: String(decoding: bytes.prefix(20_000), as: UTF8.self))
        expectAllowed(
            body.html, policy: .article,
            extraAttributes: [
                "figure": ["data-embed-src", "data-embed-title"], "a": ["class"], "span": ["aria-hidden"], "p": ["class"], "div": ["class"],
            ])
        precondition(body.wordCount >= 0)
    }

    static func multipart(_ bytes: [UInt8]) {
        for boundary in ["x", "----gazette-test-boundary"] {
            if let parts = try? MultipartForm.parts(of: ByteBuffer(bytes: bytes), boundary: boundary) {
                for part in parts { _ = part.text }
            }
        }
        _ = MultipartForm.boundary(in: "multipart/form-data; " + String(decoding: bytes.prefix(300), as: UTF8.self))
    }

    static func query(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        let fields = QueryString(Substring(text))
        precondition(fields.pairs.count <= 200)
        _ = QueryString.decodePathSegment(Substring(text))
        let value = text.replacingOccurrences(of: "\u{0}", with: "")
        precondition(QueryString.decode(Substring(SiteURL.encodeQueryValue(value))) == value, "query value did not survive a round trip")
        precondition(QueryString.decodePathSegment(Substring(SiteURL.encodeSegment(value))).map { $0 == value } ?? true)
    }

    /// A typed donation amount: refused, or a non-negative amount that reads back the same when
    /// written out in the currency's decimals.
    static func amount(_ bytes: [UInt8]) {
        let text = String(decoding: bytes.prefix(64), as: UTF8.self)
        for currency in ["USD", "JPY"] {
            guard case .success(let money) = DonationAmount.parse(text, currency: currency) else { continue }
            precondition(money.minorUnits >= 0 && money.currency == currency, "an amount came out negative or in another currency")
            precondition(
                (try? DonationAmount.parse(money.plain, currency: currency).get()) == money, "an amount did not read back the same")
        }
    }

    /// Traps unless every element and attribute in `html` is allowed (plus `extraAttributes`, the
    /// facades' own), with no event handler and no script URL.
    static func expectAllowed(_ html: String, policy: HTMLPolicy, extraAttributes: [String: Set<String>]) {
        for token in HTMLTokenizer(html) {
            guard case .start(let name, let attributes) = token else { continue }
            guard let allowed = policy.elements[name] else { preconditionFailure("<\(name)> survived") }
            for (attribute, value) in attributes {
                precondition(
                    allowed.contains(attribute) || policy.globalAttributes.contains(attribute) || attribute == "rel"
                        || attribute == "target"
                        || extraAttributes[name]?.contains(attribute) == true, "\(attribute) on <\(name)> survived")
                precondition(!attribute.hasPrefix("on"), "handler \(attribute) survived")
                if ["href", "src", "cite"].contains(attribute) {
                    let schemes = attribute == "src" ? policy.imageSchemes : policy.linkSchemes
                    precondition(SafeURL.check(value, schemes: schemes) != nil, "unsafe URL \(value) survived")
                }
            }
        }
    }
}
