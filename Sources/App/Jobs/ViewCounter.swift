import AsyncAlgorithms
import Crypto
import Domain
import FluentKit
import Foundation
import Logging
import Persistence
import ServiceLifecycle
import Synchronization

/// Counts article views from the beacon. Views are deduplicated in memory and written in
/// batches every few seconds (and once more on graceful shutdown), so a burst of readers costs
/// one transaction, not one per view.
public final class ViewCounter: Service, Sendable {
    /// Above this many waiting views, new ones are dropped until the next flush succeeds.
    static let maximumPending = 200_000

    let database: DatabaseService
    let time: any TimeSource
    let interval: Duration
    let logger: Logger
    /// Called after a flush that counted something (refreshes Trending).
    let onCounted: @Sendable () async -> Void
    private let pending = Mutex<[String: PendingView]>([:])
    private let salt = Mutex<(day: String, value: String)?>(nil)

    init(
        database: DatabaseService, time: any TimeSource, interval: Duration, logger: Logger, onCounted: @escaping @Sendable () async -> Void
    ) {
        self.database = database
        self.time = time
        self.interval = interval
        self.logger = logger
        self.onCounted = onCounted
    }

    /// Notes a view of `article` by the visitor at `address` with `userAgent`.
    public func record(article: Article.ID, address: String, userAgent: String) async throws {
        let now = time.now()
        let day = VisitorFingerprint.dayKey(now)
        let hash = Self.visitorHash(
            VisitorFingerprint.hashInput(
                salt: try await salt(for: day), article: article, network: VisitorFingerprint.network(of: address), userAgent: userAgent))
        let view = PendingView(visitorHash: hash, articleID: article, day: day, hour: VisitorFingerprint.hourKey(now))
        pending.withLock { pending in
            if pending.count < Self.maximumPending { pending[hash] = view }
        }
    }

    /// How many views wait to be written.
    public var pendingCount: Int { pending.withLock { $0.count } }

    /// Writes the waiting views. On failure they are kept for the next attempt.
    @discardableResult
    public func flush() async throws -> Int {
        let batch = pending.withLock { pending in
            defer { pending.removeAll(keepingCapacity: true) }
            return Array(pending.values)
        }
        guard !batch.isEmpty else { return 0 }
        do {
            let counted = try await ViewStore.record(batch, on: try database.db)
            let total = counted.values.reduce(0, +)
            if total > 0 { await onCounted() }
            return total
        } catch {
            pending.withLock { pending in
                for view in batch where pending.count < Self.maximumPending { pending[view.visitorHash] = view }
            }
            throw error
        }
    }

    public func run() async throws {
        for await _ in AsyncTimerSequence(interval: interval, clock: .continuous).cancelOnGracefulShutdown() {
            await flushLogging()
        }
        await flushLogging()  // graceful shutdown: nothing counted is lost
    }

    func flushLogging() async {
        do {
            try await flush()
        } catch {
            logger.log(level: StorageError.logLevel(for: error), "Could not write view counts; will retry", metadata: ["error": "\(error)"])
        }
    }

    func salt(for day: String) async throws -> String {
        if let cached = salt.withLock({ $0 }), cached.day == day { return cached.value }
        let value = try await ViewStore.salt(for: day, on: try database.db)
        salt.withLock { $0 = (day, value) }
        return value
    }

    /// The hex SHA-256 of a visitor's fingerprint.
    static func visitorHash(_ input: [UInt8]) -> String {
        Hex.string(SHA256.hash(data: input))
    }
}
