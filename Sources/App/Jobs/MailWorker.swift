import AsyncAlgorithms
import Domain
import FluentKit
import Foundation
import Logging
import Mail
import Persistence
import ServiceLifecycle
import Views

/// Delivers the outbox. It claims due messages in batches (a lease, so an instance that dies
/// mid-batch only delays its batch), renders newsletter messages from their edition, sends each
/// batch over one connection with several connections side by side, and records every outcome
/// the moment the server answers: accepted, retry later with back-off, or failed (and, for
/// newsletter mail, suppressed). Several instances can run it against one PostgreSQL database.
public struct MailWorker: Service {
    let services: AppServices
    let transport: any MailTransport
    let policy: DeliveryPolicy
    let batchSize: Int
    /// How long a claim holds before another worker may take the messages over.
    let lease: TimeInterval = 10 * 60

    public init(services: AppServices, transport: any MailTransport, policy: DeliveryPolicy = DeliveryPolicy(), batchSize: Int = 100) {
        self.services = services
        self.transport = transport
        self.policy = policy
        self.batchSize = batchSize
    }

    public func run() async throws {
        guard await services.ready.wait() else { return }
        let timer = AsyncTimerSequence(interval: services.config.mailPollInterval, clock: .continuous).map { _ in () }
        await deliverDue()
        for await _ in merge(timer, services.mailer.wakes).cancelOnGracefulShutdown() {
            await deliverDue()
        }
    }

    /// Delivers every message that is due, on up to `transport.concurrency` connections, then
    /// marks finished editions as sent. Returns how many messages were handled.
    @discardableResult
    public func deliverDue() async -> Int {
        let lanes = max(1, transport.concurrency)
        let handled = await withTaskGroup(of: Int.self) { group in
            for _ in 0..<lanes { group.addTask { await lane() } }
            return await group.reduce(0, +)
        }
        do {
            let finished = try await EditionStore.finishCompleted(now: services.time.now(), on: try services.db())
            for id in finished { services.logger.info("Edition sent", metadata: ["edition": "\(id)"]) }
        } catch {
            services.logger.log(
                level: StorageError.logLevel(for: error), "Could not close finished editions", metadata: ["error": "\(error)"])
        }
        return handled
    }

    /// Claims and sends batches until nothing is due.
    func lane() async -> Int {
        var handled = 0
        var editions = EditionCache()
        while !Task.isCancelled {
            do {
                let db = try services.db()
                let batch = try await OutboxStore.claim(limit: batchSize, now: services.time.now(), lease: lease, on: db)
                if batch.isEmpty { break }
                handled += batch.count
                try await send(batch, editions: &editions, on: db)
            } catch {
                services.logger.log(
                    level: StorageError.logLevel(for: error), "Mail delivery failed; will retry", metadata: ["error": "\(error)"])
                break
            }
        }
        return handled
    }

    func send(_ batch: [OutboxStore.Claimed], editions: inout EditionCache, on db: any Database) async throws {
        let now = services.time.now()
        let cancelled = try await OutboxStore.cancelIneligible(batch.filter { $0.kind == .newsletter }.map(\.id), now: now, on: db)
        let live = batch.filter { !cancelled.contains($0.id) }
        let linkKeys = try await SubscriberStore.linkKeys(live.compactMap(\.subscriberID), on: db)
        var messages: [MailMessage] = []
        var rows: [String: OutboxStore.Claimed] = [:]
        for claimed in live {
            guard let message = try await compose(claimed, editions: &editions, linkKeys: linkKeys, on: db) else {
                try await OutboxStore.markFailed(claimed.id, error: "The edition or its newsletter no longer exists.", on: db)
                continue
            }
            messages.append(message)
            rows[message.id] = claimed
        }
        await transport.send(messages) { id, outcome in
            guard let claimed = rows[id] else { return }
            do {
                try await record(outcome, for: claimed, on: db)
            } catch {
                // The lease runs out and the message is tried again; the server log says why.
                services.logger.log(
                    level: StorageError.logLevel(for: error), "Could not record a delivery",
                    metadata: ["message": "\(claimed.id)", "error": "\(error)"])
            }
        }
    }

    func record(_ outcome: MailDeliveryError?, for claimed: OutboxStore.Claimed, on db: any Database) async throws {
        let now = services.time.now()
        switch outcome {
        case nil:
            try await OutboxStore.markSent(claimed.id, now: now, on: db)
        case .transient(let reason)?:
            let delay = policy.delay(afterAttempts: claimed.attempts)
            services.logger.notice(
                "Mail deferred", metadata: ["to": "\(claimed.toAddress)", "attempt": "\(claimed.attempts)", "reason": "\(reason)"])
            try await OutboxStore.markDeferred(claimed.id, error: reason, retryAt: delay.map { now.addingTimeInterval($0) }, on: db)
        case .permanent(let reason)?:
            services.logger.warning("Mail refused", metadata: ["to": "\(claimed.toAddress)", "reason": "\(reason)"])
            try await db.transaction { tx in
                try await OutboxStore.markFailed(claimed.id, error: reason, on: tx)
                if claimed.kind == .newsletter {
                    try await SuppressionStore.add(claimed.toAddress, reason: "bounce", detail: reason, now: now, on: tx)
                }
            }
        }
    }

    /// The message for a claimed row: stored content for transactional mail, the edition
    /// addressed to its reader for newsletter mail.
    func compose(
        _ claimed: OutboxStore.Claimed, editions: inout EditionCache, linkKeys: [Subscriber.ID: String], on db: any Database
    ) async throws -> MailMessage? {
        let id = "gz\(claimed.id).\(Int(claimed.createdAt.timeIntervalSince1970))"
        let to = Mailbox(name: claimed.toName, address: claimed.toAddress)
        if let stored = claimed.message {
            return MailMessage(
                id: id, from: Mailbox(name: stored.fromName, address: stored.fromAddress), to: to, subject: stored.subject,
                text: stored.text,
                html: stored.html, headers: stored.headers, date: services.time.now())
        }
        guard let editionID = claimed.editionID, let subscriberID = claimed.subscriberID, let key = linkKeys[subscriberID],
            let prepared = try await editions.prepared(editionID, services: services, on: db)
        else { return nil }
        let token = try await services.mailer.subscriberToken(subscriberID, linkKey: key, on: db)
        let preferences = services.mailer.preferencesLink(token: token)
        let unsubscribe = services.mailer.unsubscribeLink(token: token, newsletter: prepared.newsletter.slug)
        let body = prepared.template.render(preferencesLink: preferences, unsubscribeLink: unsubscribe)
        let settings = try await services.site.current(on: db).settings
        let from = services.mailer.sender(settings, name: prepared.newsletter.senderName)
        let mailto = "mailto:\(from.address)?subject=unsubscribe%20\(prepared.newsletter.slug)%20\(token)"
        let listHeaders = [
            "List-Id": MIMEWriter.phrase(prepared.newsletter.name) + " <\(prepared.newsletter.slug).\(services.config.siteHost)>",
            "List-Unsubscribe": "<\(unsubscribe)>, <\(mailto)>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "Precedence": "bulk",
        ]
        return MailMessage(
            id: id, from: from, to: to, subject: prepared.template.subject, text: body.text, html: body.html,
            headers: services.mailer.replyHeaders(settings).merging(listHeaders) { $1 }, date: services.time.now())
    }
}

/// Editions rendered once per worker lane: the template and the newsletter it belongs to.
struct EditionCache {
    struct Prepared {
        let template: EditionMailTemplate
        let newsletter: Newsletter
    }

    private var entries: [Edition.ID: Prepared?] = [:]

    mutating func prepared(_ id: Edition.ID, services: AppServices, on db: any Database) async throws -> Prepared? {
        if let entry = entries[id] { return entry }
        var prepared: Prepared?
        if let edition = try await EditionStore.find(id, on: db),
            let newsletter = try await NewsletterStore.find(edition.newsletterID, on: db)
        {
            let snapshot = try await services.site.current(on: db)
            let template = EditionMailTemplate(
                subject: edition.subject, bodyHTML: edition.bodyHTML, bodyText: edition.bodyText, newsletterName: newsletter.name,
                brand: services.mailer.brand(snapshot), preheader: PlainText.excerpt(PlainText.from(html: edition.bodyHTML), limit: 120))
            prepared = Prepared(template: template, newsletter: newsletter)
        }
        entries[id] = prepared
        return prepared
    }
}
