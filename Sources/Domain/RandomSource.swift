import Foundation

/// Where unguessable values come from, behind a protocol so tests can make them repeatable,
/// as `TimeSource` does for the clock. Storage never draws randomness itself: it is handed the
/// tokens, or a source to draw them from.
public protocol RandomSource: Sendable {
    /// `count` random bytes.
    func bytes(_ count: Int) -> [UInt8]
}

/// The system's cryptographically secure generator.
public struct SystemRandom: RandomSource {
    public init() {}

    public func bytes(_ count: Int) -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    }
}
