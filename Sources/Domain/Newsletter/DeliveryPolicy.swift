import Foundation

/// When to try a message again after a temporary failure, and when to give up.
public struct DeliveryPolicy: Sendable, Equatable {
    /// The wait after the first failure; it doubles with each further one.
    public var firstDelay: TimeInterval
    public var longestDelay: TimeInterval
    /// Attempts before the message is marked failed (about two days with the defaults).
    public var maximumAttempts: Int

    public init(firstDelay: TimeInterval = 60, longestDelay: TimeInterval = 6 * 3600, maximumAttempts: Int = 12) {
        self.firstDelay = firstDelay
        self.longestDelay = longestDelay
        self.maximumAttempts = maximumAttempts
    }

    /// The wait before attempt `attempts + 1`, given `attempts` failed ones; nil to give up.
    public func delay(afterAttempts attempts: Int) -> TimeInterval? {
        guard attempts < maximumAttempts else { return nil }
        let doubled = firstDelay * pow(2, Double(max(0, attempts - 1)))
        return min(doubled, longestDelay)
    }
}
