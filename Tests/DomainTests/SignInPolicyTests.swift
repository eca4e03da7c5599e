import Domain
import Foundation
import Testing

@Suite("Sign-in policy")
struct SignInPolicyTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)
    let stranger = SignInPolicy.Origin(knownDevice: false, knownNetwork: false)

    func wait(pair: Int, account: Int = 0, network: Int = 0, origin: SignInPolicy.Origin? = nil) -> TimeInterval {
        let last = now.addingTimeInterval(-1)
        let until = SignInPolicy.waitUntil(
            pair: .init(count: pair, last: pair > 0 ? last : nil), account: .init(count: account, last: account > 0 ? last : nil),
            network: .init(count: network, last: network > 0 ? last : nil), origin: origin ?? stranger, now: now)
        return until.map { $0.timeIntervalSince(now) + 1 } ?? 0
    }

    @Test("Five failures from one network are free; then each wait doubles, up to fifteen minutes")
    func growingDelays() {
        #expect(wait(pair: 4) == 0)
        #expect(wait(pair: 5) == 30)
        #expect(wait(pair: 6) == 60)
        #expect(wait(pair: 7) == 120)
        #expect(wait(pair: 40) == 15 * 60)
    }

    @Test("An account under attack and a noisy network slow only unknown browsers on unknown networks")
    func alarms() {
        #expect(wait(pair: 0, account: 19) == 0)
        #expect(wait(pair: 0, account: 20) == 30)
        #expect(wait(pair: 0, network: 30) == 30)
        #expect(wait(pair: 0, account: 50, network: 50, origin: .init(knownDevice: false, knownNetwork: true)) == 0)
        // A known network does not skip the pair's own delay: an attacker may share it.
        #expect(wait(pair: 6, origin: .init(knownDevice: false, knownNetwork: true)) == 60)
    }

    @Test("A browser that signed in to the account before never waits")
    func knownDevice() {
        #expect(wait(pair: 40, account: 500, network: 500, origin: .init(knownDevice: true, knownNetwork: false)) == 0)
    }

    @Test("A wait that has passed is no wait")
    func elapsed() {
        let until = SignInPolicy.waitUntil(
            pair: .init(count: 5, last: now.addingTimeInterval(-31)), account: .none, network: .none, origin: stranger, now: now)
        #expect(until == nil)
    }
}
