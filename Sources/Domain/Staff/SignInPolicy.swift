import Foundation

/// When a sign-in attempt must wait. Guessing is slowed down without handing an attacker a way to
/// lock staff out: failures count per account *and* network pair with growing delays; an account
/// or a network that has drawn many failures slows down only attempts from devices and networks
/// that account has never signed in from; and a device the account signed in on before is never
/// kept waiting (the password is still checked).
public enum SignInPolicy {
    /// Failures older than this are forgotten.
    public static let window: TimeInterval = 15 * 60
    /// Failures of one account from one network before each further attempt must wait.
    public static let pairAllowance = 5
    /// The first wait, doubled with every further failure, and its cap.
    public static let firstDelay: TimeInterval = 30
    public static let longestDelay: TimeInterval = 15 * 60
    /// Failures of one account, from anywhere, that mark it as under attack (its holder is told).
    public static let accountAlarm = 20
    /// Failures from one network, for any accounts, that mark it as noisy.
    public static let networkAlarm = 30
    /// How long an unknown device waits after the last failure on an account under attack or a
    /// noisy network: about one guess per this many seconds for everyone else.
    public static let unknownDeviceDelay: TimeInterval = 30

    /// Failures on record for one key: how many in the window, and the latest.
    public struct Failures: Equatable, Sendable {
        public var count: Int
        public var last: Date?

        public init(count: Int, last: Date?) {
            self.count = count
            self.last = last
        }

        public static let none = Failures(count: 0, last: nil)
    }

    /// What the account knows about where the attempt comes from.
    public struct Origin: Equatable, Sendable {
        /// The browser carries a device cookie from an earlier sign-in to this account.
        public var knownDevice: Bool
        /// The account has signed in from this network before.
        public var knownNetwork: Bool

        public init(knownDevice: Bool, knownNetwork: Bool) {
            self.knownDevice = knownDevice
            self.knownNetwork = knownNetwork
        }
    }

    /// nil when the attempt may proceed, or the time before which it must not.
    public static func waitUntil(
        pair: Failures, account: Failures, network: Failures, origin: Origin, now: Date
    ) -> Date? {
        if origin.knownDevice { return nil }
        var until: Date?
        func wait(_ delay: TimeInterval, after last: Date?) {
            guard let last else { return }
            let end = last.addingTimeInterval(delay)
            if end > now, end > (until ?? .distantPast) { until = end }
        }
        if pair.count >= pairAllowance {
            wait(min(longestDelay, firstDelay * pow(2, Double(pair.count - pairAllowance))), after: pair.last)
        }
        if !origin.knownNetwork {
            if account.count >= accountAlarm { wait(unknownDeviceDelay, after: account.last) }
            if network.count >= networkAlarm { wait(unknownDeviceDelay, after: network.last) }
        }
        return until
    }
}
