import Foundation

/// The current time, behind a protocol so tests can fix it.
public protocol TimeSource: Sendable {
    func now() -> Date
}

/// The real clock.
public struct SystemTime: TimeSource {
    public init() {}
    public func now() -> Date { Date() }
}

/// A clock that always answers the same instant (tests, benchmarks).
public struct FixedTime: TimeSource {
    public let instant: Date
    public init(_ instant: Date) { self.instant = instant }
    public func now() -> Date { instant }
}
