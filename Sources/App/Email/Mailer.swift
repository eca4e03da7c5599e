import Domain
import FluentKit
import Foundation
import Logging
import Mail
import Persistence
import Routes
import Views

/// The transactional mail API: features hand it a typed message and a database handle (their
/// transaction), and it renders the message in the site's look and queues it in the outbox.
/// After the transaction commits, `wake()` has the worker deliver at once.
public struct Mailer: Sendable {
    let config: AppConfiguration
    let site: SiteState
    let secret: SiteSecret
    let logger: Logger
    let wakeUp: AsyncStream<Void>.Continuation
    /// What wakes the worker (consumed by the one `MailWorker`).
    let wakes: AsyncStream<Void>

    init(config: AppConfiguration, site: SiteState, secret: SiteSecret, logger: Logger) {
        self.config = config
        self.logger = logger
        self.site = site
        self.secret = secret
        (wakes, wakeUp) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    }

    /// Renders and queues `mail`. Pass the transaction that makes the change the mail is about.
    public func enqueue(_ mail: TransactionalMail, unsubscribe: String? = nil, now: Date, on db: any Database) async throws {
        let snapshot = try await site.current(on: db)
        let brand = self.brand(snapshot)
        let content = TransactionalMailView.render(mail, brand: brand, format: snapshot.format)
        let from = sender(snapshot.settings)
        try await OutboxStore.enqueue(
            .init(
                purpose: mail.content.purpose, toAddress: mail.recipientEmail, toName: mail.recipientName, fromName: from.name,
                fromAddress: from.address, subject: content.subject, text: content.text, html: content.html,
                headers: replyHeaders(snapshot.settings).merging(
                    unsubscribe.map { ["List-Unsubscribe": "<\($0)>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"] } ?? [:],
                    uniquingKeysWith: { first, _ in first })),
            now: now, on: db)
    }

    /// Who mail comes from: the sender set in the back office's settings (changed without a
    /// restart), otherwise the site's title at `MAIL_FROM` (or news@ the site's host).
    func sender(_ settings: SiteSettings, name: String? = nil) -> Mailbox {
        let address = EmailAddress.normalise(settings.mailSenderAddress)
        let usable = !address.isEmpty && EmailAddress.problem(address) == nil
        let fallbackName = settings.mailSenderName.isEmpty ? settings.title : settings.mailSenderName
        return Mailbox(name: name ?? fallbackName, address: usable ? address : config.senderAddress)
    }

    /// A Reply-To header when the settings name a reply address.
    func replyHeaders(_ settings: SiteSettings) -> [String: String] {
        let address = EmailAddress.normalise(settings.mailReplyTo)
        guard !address.isEmpty, EmailAddress.problem(address) == nil else { return [:] }
        return ["Reply-To": address]
    }

    /// Writes a sign-in link to the log when no mail server is configured, so a development site
    /// (or one whose mail is broken) can still be administered. With SMTP it stays out of logs.
    func noteLinkWithoutMailServer(_ what: String, email: String, link: String) {
        guard config.smtp == nil else { return }
        logger.notice("\(what)", metadata: ["email": "\(email)", "link": "\(link)"])
    }

    /// Tells the worker there is mail to deliver now.
    public func wake() {
        wakeUp.yield()
    }

    func brand(_ snapshot: SiteState.Snapshot) -> MailBrand {
        MailBrand(siteTitle: snapshot.settings.title, siteURL: config.siteURL, language: snapshot.settings.language)
    }

    // MARK: Signed links for subscribers

    /// The token in a subscriber's preferences and unsubscribe links: their id and a signature
    /// over it and their link key, so it cannot be guessed or altered, and it dies if the key is
    /// changed.
    func subscriberToken(_ id: Subscriber.ID, linkKey: String, on db: any Database) async throws -> String {
        "\(id.rawValue).\(try await secret.sign("subscriber:\(id.rawValue):\(linkKey)", on: db))"
    }

    /// The subscriber a token from a link stands for, or nil for a forged or stale one.
    func subscriber(forToken token: String, on db: any Database) async throws -> Subscriber? {
        let parts = token.split(separator: ".", maxSplits: 1)
        guard parts.count == 2, parts[0].count <= 12, let number = Int(parts[0]), token.count <= 80 else { return nil }
        let id = Subscriber.ID(number)
        guard let key = try await SubscriberStore.linkKey(id, on: db),
            try await secret.verify(String(parts[1]), for: "subscriber:\(number):\(key)", on: db)
        else { return nil }
        return try await SubscriberStore.find(id, on: db)
    }

    func preferencesLink(token: String) -> String {
        SiteURL.newsletterPreferences(token: token).absolute(siteURL: config.siteURL)
    }

    func unsubscribeLink(token: String, newsletter slug: String) -> String {
        SiteURL.newsletterUnsubscribe(token: token, newsletter: slug).absolute(siteURL: config.siteURL)
    }
}
