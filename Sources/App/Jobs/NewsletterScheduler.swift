import AsyncAlgorithms
import Domain
import FluentKit
import Foundation
import Logging
import Persistence
import ServiceLifecycle
import Views

/// Sends digests on their schedule and scheduled editions at their time. Each digest slot is
/// claimed with a conditional update in the transaction that creates and queues the edition, so
/// however many instances run this, and however often the server restarts, a slot produces one
/// edition; a slot missed while the server was down is sent when it comes back.
public struct NewsletterScheduler: Service {
    let services: AppServices
    /// The most articles one digest lists.
    static let digestLimit = 25

    public init(services: AppServices) {
        self.services = services
    }

    public func run() async throws {
        guard await services.ready.wait() else { return }
        await tick()
        for await _ in AsyncTimerSequence(interval: services.config.newsletterCheckInterval, clock: .continuous).cancelOnGracefulShutdown()
        {
            await tick()
        }
    }

    /// One round: due digests, due scheduled editions, housekeeping.
    public func tick() async {
        do {
            let db = try services.db()
            let now = services.time.now()
            var queued = 0
            for newsletter in try await NewsletterStore.all(on: db) {
                queued += try await sendDigestIfDue(newsletter, now: now, on: db)
            }
            for id in try await EditionStore.due(now: now, on: db) {
                if let count = try await EditionStore.startSending(id, now: now, on: db) {
                    services.logger.info("Scheduled edition started", metadata: ["edition": "\(id)", "recipients": "\(count)"])
                    queued += count
                }
            }
            try await RateLimitStore.purge(before: now.addingTimeInterval(-86_400), on: db)
            if queued > 0 { services.mailer.wake() }
        } catch {
            services.logger.log(
                level: StorageError.logLevel(for: error), "Newsletter scheduling failed; will retry", metadata: ["error": "\(error)"])
        }
    }

    /// Claims the newsletter's latest slot if no digest covered it yet, and creates and queues a
    /// digest of the articles published since the previous one. Returns how many were queued.
    func sendDigestIfDue(_ newsletter: Newsletter, now: Date, on db: any Database) async throws -> Int {
        let snapshot = try await services.site.current(on: db)
        guard let period = newsletter.schedule.period,
            let slot = newsletter.schedule.latestSlot(atOrBefore: now, timeZone: snapshot.format.timeZone),
            newsletter.lastDigestAt.map({ $0 < slot }) ?? true
        else { return 0 }
        let since = newsletter.lastDigestAt ?? slot.addingTimeInterval(-period)
        return try await db.transaction { tx in
            guard try await NewsletterStore.claimDigest(newsletter.id, slot: slot, on: tx) else { return 0 }
            let articles = try await ArticleStore.digestArticles(
                after: since, until: slot, sections: newsletter.sectionIDs, limit: Self.digestLimit, on: tx)
            let audience = try await NewsletterStore.audienceSizes(now: now, on: tx)[newsletter.id] ?? 0
            // Nothing new, or nobody to send to: the slot is used up without an edition.
            guard let lead = articles.first, audience > 0 else { return 0 }
            let brand = services.mailer.brand(snapshot)
            let body = EditionMailView.digestBody(articles, brand: brand, format: snapshot.format)
            let subject = articles.count == 1 ? lead.title : "\(lead.title), and \(articles.count - 1) more"
            let (id, queued) = try await EditionStore.createDigest(
                .init(subject: subject, markdown: "", bodyHTML: body.html, bodyText: body.text), newsletter: newsletter.id, now: now, on: tx
            )
            services.logger.info(
                "Digest queued", metadata: ["newsletter": "\(newsletter.slug)", "edition": "\(id)", "recipients": "\(queued)"])
            return queued
        }
    }
}
