import Foundation

/// Counts a view once per visitor per article per day without cookies or stored addresses: the
/// visitor is a hash of a daily secret salt, the article, the visitor's network and user agent.
/// Once the salt is thrown away the next day, nobody (us included) can link the hash to a person.
public enum VisitorFingerprint {
    /// What the visitor's hash is taken of: salt, article, network prefix and user agent, each
    /// followed by a zero byte, so "ab"+"c" differs from "a"+"bc".
    public static func hashInput(salt: String, article: Article.ID, network: String, userAgent: String) -> [UInt8] {
        [salt, String(article.rawValue), network, userAgent].flatMap { Array($0.utf8) + [0] }
    }

    /// The calendar day (UTC) a salt belongs to, as "yyyy-MM-dd".
    public static func dayKey(_ date: Date) -> String {
        UTCCalendar.dayKey(date)
    }

    /// Whole hours since 1970, the key of an hourly bucket.
    public static func hourKey(_ date: Date) -> Int {
        Int((date.timeIntervalSince1970 / 3600).rounded(.down))
    }

    /// The part of an address that names a network rather than a device: the /24 of an IPv4
    /// address, the /48 of an IPv6 one. Anything unparseable is used as given.
    public static func network(of address: String) -> String {
        if address.contains(":") {
            if let v4 = address.split(separator: ":").last, address.hasPrefix("::ffff:"), v4.contains(".") {
                return network(of: String(v4))
            }
            let groups = expandIPv6(address)
            return groups.count == 8 ? groups.prefix(3).joined(separator: ":") + "::/48" : address
        }
        let octets = address.split(separator: ".")
        guard octets.count == 4 else { return address }
        return octets.prefix(3).joined(separator: ".") + ".0/24"
    }

    static func expandIPv6(_ address: String) -> [String] {
        let parts = address.split(separator: "%")[0].components(separatedBy: "::")
        guard parts.count <= 2 else { return [] }
        let head = parts[0].split(separator: ":").map(String.init)
        let tail = parts.count == 2 ? parts[1].split(separator: ":").map(String.init) : []
        let missing = 8 - head.count - tail.count
        guard missing >= 0, parts.count == 2 || missing == 0 else { return [] }
        return (head + Array(repeating: "0", count: missing) + tail).map {
            String(repeating: "0", count: max(0, 4 - $0.count)) + $0.lowercased()
        }
    }

    /// Crawlers, link previewers and prefetches are not readers.
    public static func isCountable(userAgent: String, purpose: String?) -> Bool {
        if let purpose, purpose.lowercased().contains("prefetch") { return false }
        let agent = userAgent.lowercased()
        guard !agent.isEmpty else { return false }
        let robots = ["bot", "crawl", "spider", "slurp", "facebookexternalhit", "preview", "headless", "curl/", "wget/", "python-requests"]
        return !robots.contains(where: agent.contains)
    }
}
