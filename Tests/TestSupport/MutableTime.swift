import Domain
import Foundation
import Synchronization

/// A clock tests can move forward.
public final class MutableTime: TimeSource {
    private let instant: Mutex<Date>

    public init(_ start: Date = TestClock.start) {
        self.instant = Mutex(start)
    }

    public func now() -> Date { instant.withLock { $0 } }

    /// Moves the clock to `date` (tests against real services, whose signatures carry real time).
    public func set(_ date: Date) {
        instant.withLock { $0 = date }
    }

    public func advance(by seconds: TimeInterval) {
        instant.withLock { $0 = $0.addingTimeInterval(seconds) }
    }
}

public enum TestClock {
    /// 24 November 2026, 12:00 UTC: the instant every test starts at.
    public static let start = Date(timeIntervalSince1970: 1_795_521_600)
}
