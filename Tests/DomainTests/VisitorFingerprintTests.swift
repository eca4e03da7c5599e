import Domain
import Foundation
import Testing

@Suite("View deduplication")
struct VisitorFingerprintTests {
    let chrome = "Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0"

    @Test("The same visitor, article and day give the same hash input; any change gives another")
    func hashIdentity() {
        let base = VisitorFingerprint.hashInput(salt: "s1", article: .init(7), network: "203.0.113.0/24", userAgent: chrome)
        #expect(base == VisitorFingerprint.hashInput(salt: "s1", article: .init(7), network: "203.0.113.0/24", userAgent: chrome))
        #expect(base != VisitorFingerprint.hashInput(salt: "s2", article: .init(7), network: "203.0.113.0/24", userAgent: chrome))
        #expect(base != VisitorFingerprint.hashInput(salt: "s1", article: .init(8), network: "203.0.113.0/24", userAgent: chrome))
        #expect(base != VisitorFingerprint.hashInput(salt: "s1", article: .init(7), network: "198.51.100.0/24", userAgent: chrome))
        #expect(base != VisitorFingerprint.hashInput(salt: "s1", article: .init(7), network: "203.0.113.0/24", userAgent: "Firefox"))
    }

    @Test("Fields cannot run into each other")
    func separators() {
        let a = VisitorFingerprint.hashInput(salt: "ab", article: .init(1), network: "n", userAgent: "c")
        let b = VisitorFingerprint.hashInput(salt: "a", article: .init(1), network: "bn", userAgent: "c")
        #expect(a != b)
    }

    @Test(
        "Devices on one network count as that network",
        arguments: [
            ("203.0.113.77", "203.0.113.0/24"),
            ("::ffff:203.0.113.9", "203.0.113.0/24"),
            ("2001:db8:85a3::8a2e:370:7334", "2001:0db8:85a3::/48"),
            ("::1", "0000:0000:0000::/48"),
        ])
    func networks(address: String, network: String) {
        #expect(VisitorFingerprint.network(of: address) == network)
    }

    @Test("Days and hours are keyed in UTC")
    func keys() {
        let instant = Date(timeIntervalSince1970: 1_795_521_600)  // 2026-11-24 12:00 UTC
        #expect(VisitorFingerprint.dayKey(instant) == "2026-11-24")
        #expect(VisitorFingerprint.hourKey(instant) == 498_756)
    }

    @Test("Robots and prefetches are not readers")
    func countable() {
        #expect(VisitorFingerprint.isCountable(userAgent: chrome, purpose: nil))
        #expect(!VisitorFingerprint.isCountable(userAgent: "Googlebot/2.1", purpose: nil))
        #expect(!VisitorFingerprint.isCountable(userAgent: "", purpose: nil))
        #expect(!VisitorFingerprint.isCountable(userAgent: chrome, purpose: "prefetch"))
        #expect(!VisitorFingerprint.isCountable(userAgent: "curl/8.1", purpose: nil))
    }
}
