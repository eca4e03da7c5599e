import Foundation

/// Checking and normalising the addresses readers type. Not a full RFC 5322 parser: it accepts
/// what mail servers deliver to in practice and names the mistake when it refuses.
public enum EmailAddress {
    /// Trimmed and lower-cased (the local part is case-insensitive at every real provider), so one
    /// reader has one subscription.
    public static func normalise(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }

    /// A light check that catches typos, not a full RFC 5322 parser: one @, a dot in the domain,
    /// no spaces, a sensible length.
    public static func isPlausible(_ email: String) -> Bool {
        guard email.count <= 254, !email.contains(where: { $0.isWhitespace }) else { return false }
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[0].count <= 64 else { return false }
        let domain = parts[1]
        return domain.contains(".") && !domain.hasPrefix(".") && !domain.hasSuffix(".") && !domain.contains("..")
    }

    /// A sentence saying what is wrong with `address`, or nil when it looks deliverable.
    public static func problem(_ address: String) -> String? {
        if address.isEmpty { return "Please give your email address." }
        if address.count > 254 { return "That address is longer than an email address can be." }
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
            return "An email address has one @ with a name before it and a domain after it, like name@example.org."
        }
        let local = parts[0]
        let domain = parts[1]
        if local.count > 64 { return "The part before the @ is too long." }
        let localAllowed = local.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (isAlphanumeric(scalar) || "!#$%&'*+-/=?^_`{|}~.".unicodeScalars.contains(scalar))
        }
        if !localAllowed || local.hasPrefix(".") || local.hasSuffix(".") || local.contains("..") {
            return "The part before the @ has characters an email address cannot have."
        }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, labels.allSatisfy({ !$0.isEmpty && $0.count <= 63 }) else {
            return "The domain after the @ looks incomplete (for example example.org)."
        }
        let domainAllowed = labels.allSatisfy { label in
            label.unicodeScalars.allSatisfy { $0.isASCII && (isAlphanumeric($0) || $0 == "-") } && !label.hasPrefix("-")
                && !label.hasSuffix("-")
        }
        if !domainAllowed { return "The domain after the @ has characters a domain cannot have." }
        if let last = labels.last, last.count < 2 || last.allSatisfy(\.isNumber) {
            return "The domain after the @ looks incomplete (for example example.org)."
        }
        return nil
    }

    static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
    }
}
