import Crypto
import Domain
import Foundation

/// Why a webhook was refused. Each case is a clear answer for the provider's delivery log.
public enum WebhookSignatureError: Error, Equatable, Sendable {
    case missingHeader
    case malformedHeader
    case staleTimestamp
    case mismatch

    public var message: String {
        switch self {
        case .missingHeader: "The signature header is missing."
        case .malformedHeader: "The signature header cannot be read."
        case .staleTimestamp: "The signature's timestamp is outside the tolerance."
        case .mismatch: "The signature does not match the payload."
        }
    }
}

/// Stripe's webhook signature: `Stripe-Signature: t=<unix time>,v1=<hex HMAC-SHA256 of "t.payload">`
/// (several `v1` entries during a secret's rotation). Checked in constant time, with a window
/// against replays of old deliveries.
public enum StripeSignature {
    public static let tolerance: TimeInterval = 300

    public static func verify(header: String?, payload: some DataProtocol, secret: String, now: Date, tolerance: TimeInterval = tolerance)
        throws(WebhookSignatureError)
    {
        guard let header, !header.isEmpty else { throw .missingHeader }
        var timestamp: Int?
        var signatures: [[UInt8]] = []
        for part in header.split(separator: ",") {
            let pair = part.split(separator: "=", maxSplits: 1)
            guard pair.count == 2 else { continue }
            let key = pair[0].trimmingCharacters(in: .whitespaces)
            if key == "t" { timestamp = Int(pair[1]) }
            if key == "v1", let bytes = hexBytes(pair[1]) { signatures.append(bytes) }
        }
        guard let timestamp, !signatures.isEmpty else { throw .malformedHeader }
        guard abs(now.timeIntervalSince1970 - TimeInterval(timestamp)) <= tolerance else { throw .staleTimestamp }
        let expected = Array(sign(payload: payload, timestamp: timestamp, secret: secret))
        guard signatures.contains(where: { constantTimeEqual($0, expected) }) else { throw .mismatch }
    }

    /// The HMAC of `t.payload`, as the sender computes it.
    public static func sign(payload: some DataProtocol, timestamp: Int, secret: String) -> HashedAuthenticationCode<SHA256> {
        var hmac = HMAC<SHA256>(key: SymmetricKey(data: Data(secret.utf8)))
        hmac.update(data: Data("\(timestamp).".utf8))
        hmac.update(data: Data(payload))
        return hmac.finalize()
    }

    /// A complete header for `payload` (tests and the benchmark sign their own deliveries).
    public static func header(payload: some DataProtocol, timestamp: Int, secret: String) -> String {
        "t=\(timestamp),v1=" + Hex.string(sign(payload: payload, timestamp: timestamp, secret: secret))
    }

    static func hexBytes(_ text: Substring) -> [UInt8]? {
        let digits = Array(text.utf8)
        guard digits.count == 64 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(32)
        var index = 0
        while index < digits.count {
            guard let high = nibble(digits[index]), let low = nibble(digits[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
            index += 2
        }
        return bytes
    }

    static func nibble(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// Compares every byte whatever the first difference, so timing tells nothing.
    static func constantTimeEqual(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        guard lhs.count == rhs.count else { return false }
        var difference: UInt8 = 0
        for index in lhs.indices { difference |= lhs[index] ^ rhs[index] }
        return difference == 0
    }
}
