import AsyncAlgorithms
import Domain
import Foundation
import Logging
import Persistence
import ServiceLifecycle

/// Publishes scheduled articles when their time comes, and on start catches up on any whose time
/// passed while the server was down. Also forgets view-counting data that is no longer needed,
/// and renders the comment cards that are missing or out of date (`CommentCards`).
/// The work is a single conditional UPDATE, so several instances can run it safely.
struct PublishScheduler: Service {
    let services: AppServices
    let interval: Duration

    func run() async throws {
        guard await services.ready.wait() else { return }
        await tick()
        for await _ in AsyncTimerSequence(interval: interval, clock: .continuous).cancelOnGracefulShutdown() {
            await tick()
        }
    }

    func tick() async {
        do {
            let db = try services.db()
            let now = services.time.now()
            let published = try await ArticleStore.publishDue(now: now, on: db)
            if published > 0 {
                services.logger.info("Published scheduled articles", metadata: ["count": "\(published)"])
                services.contentChanged()
            }
            let yesterday = VisitorFingerprint.dayKey(now.addingTimeInterval(-86_400))
            try await ViewStore.purge(
                before: yesterday, hoursBefore: VisitorFingerprint.hourKey(now) - Trending.windowHours - 24, on: db)
            try await services.site.refreshTrending(on: db)
            try await CommentCards.renderMissing(
                site: try await services.site.current(on: db), reads: try services.pageReads(), writes: try services.discussionWrites(),
                limit: CommentCards.roundLimit(postsSinceLastRound: services.discussionActivity.takePosts()))
        } catch {
            services.logger.log(
                level: StorageError.logLevel(for: error), "Scheduled work failed; will retry", metadata: ["error": "\(error)"])
        }
    }
}
