import Domain
import FluentKit
import Foundation
import Persistence
import TestSupport
import Testing
import Views

@testable import App

/// The outbox and its worker against a real SMTP server that refuses, rejects and crashes on
/// purpose (`Tests/Support/smtp_server.py`).
@Suite("Newsletter delivery")
struct NewsletterDeliveryTests {
    typealias Support = NewsletterTestSupport

    func log(_ edition: Edition.ID, _ app: TestApp) async throws -> [String: EditionStore.LogEntry] {
        let entries = try await EditionStore.log(edition, status: nil, page: ListingPage(number: 1, size: 100), on: try app.db()).items
        return Dictionary(uniqueKeysWithValues: entries.map { ($0.email, $0) })
    }

    @Test("Mail is queued in the transaction that causes it: a rolled-back change sends nothing")
    func transactional() async throws {
        let server = try await SMTPTestServer.launch()
        let app = try await Support.app(server)
        let db = try app.db()
        let mail = TransactionalMail(
            to: "ana@example.org", name: "Ana", .passwordReset(link: "https://news.example.org/admin/password/reset/x", validHours: 1))
        await #expect(throws: DomainError.self) {
            try await db.transaction { tx in
                try await app.services.mailer.enqueue(mail, now: app.time.now(), on: tx)
                throw DomainError.conflict("the change failed")
            }
        }
        #expect(try await OutboxStore.pendingCount(on: db) == 0)
        try await db.transaction { tx in try await app.services.mailer.enqueue(mail, now: app.time.now(), on: tx) }
        #expect(await app.deliverMail() == 1)
        #expect(await app.deliverMail() == 0)  // delivered once, never again
        #expect(try server.mails(to: "ana@example.org").count == 1)
        try await app.cleanUp()
    }

    @Test("The sender and reply-to set in the back office's settings are used at once, for both kinds of mail")
    func senderFromSettings() async throws {
        let server = try await SMTPTestServer.launch()
        let app = try await Support.app(server)
        let db = try app.db()
        var settings = try await SettingsStore.load(on: db)
        settings.mailSenderName = "Riverton Newsroom"
        settings.mailSenderAddress = "Desk@Riverton.example"
        settings.mailReplyTo = "letters@riverton.example"
        try await SettingsStore.save(settings, on: db)
        app.services.contentChanged()
        try await Support.confirmed("reader@example.org", on: app)
        try await app.services.mailer.enqueue(
            TransactionalMail(to: "staff@example.org", name: "", .passwordReset(link: "https://news.example.org/x", validHours: 1)),
            now: app.time.now(), on: db)
        try await Support.sendEdition("Evening edition", of: try await Support.daily(app), on: app)
        await app.deliverMail()
        let reset = try #require(try server.mails(to: "staff@example.org").first)
        #expect(reset.header("From") == "\"Riverton Newsroom\" <desk@riverton.example>")
        #expect(reset.header("Reply-To") == "letters@riverton.example")
        let edition = try #require(try server.mails(to: "reader@example.org").first)
        #expect(edition.header("From") == "\"The Daily Briefing\" <desk@riverton.example>")
        #expect(edition.header("Reply-To") == "letters@riverton.example")
        #expect(edition.header("List-Unsubscribe")?.contains("<mailto:desk@riverton.example?subject=unsubscribe") == true)
        #expect(try server.messages().allSatisfy { $0.contains("X-Envelope-From: desk@riverton.example") })
        try await app.cleanUp()
    }

    @Test("A 4xx is retried with growing delays until the server accepts; a 5xx fails and suppresses the address")
    func refusals() async throws {
        let server = try await SMTPTestServer.launch()
        let app = try await Support.app(server)
        try await Support.confirmed("tempfail-2-kim@example.org", on: app)
        try await Support.confirmed("reject-lee@example.org", on: app)
        try await Support.confirmed("ok@example.org", on: app)
        let daily = try await Support.daily(app)
        let edition = try await Support.sendEdition("Monday’s briefing", of: daily, on: app)

        await app.deliverMail()
        var entries = try await log(edition, app)
        #expect(entries["ok@example.org"]?.status == .sent)
        #expect(entries["reject-lee@example.org"]?.status == .failed)
        #expect(entries["reject-lee@example.org"]?.lastError?.contains("550") == true)
        #expect(entries["tempfail-2-kim@example.org"]?.status == .queued)
        #expect(entries["tempfail-2-kim@example.org"]?.nextAttemptAt == TestClock.start.addingTimeInterval(60))
        let suppressed = try #require(try await SuppressionStore.entry("reject-lee@example.org", on: try app.db()))
        #expect(suppressed.detail.contains("550"))

        // Not yet due: nothing happens.
        #expect(await app.deliverMail() == 0)
        app.time.advance(by: 60)
        await app.deliverMail()
        entries = try await log(edition, app)
        #expect(entries["tempfail-2-kim@example.org"]?.attempts == 2)
        #expect(entries["tempfail-2-kim@example.org"]?.nextAttemptAt == TestClock.start.addingTimeInterval(60 + 120))
        app.time.advance(by: 120)
        await app.deliverMail()
        entries = try await log(edition, app)
        #expect(entries["tempfail-2-kim@example.org"]?.status == .sent)
        #expect(try server.mails(to: "tempfail-2-kim@example.org").count == 1)
        #expect(try await EditionStore.find(edition, on: try app.db())?.status == .sent)
        #expect(try await EditionStore.progress(edition, on: try app.db()) == EditionProgress(sent: 2, failed: 1))

        // The suppressed address gets no newsletter mail again.
        let next = try await Support.sendEdition("Tuesday’s briefing", of: daily, on: app)
        await app.deliverMail()
        #expect(try await log(next, app)["reject-lee@example.org"] == nil)
        #expect(try server.mails(to: "ok@example.org").count == 2)
        try await app.cleanUp()
    }

    @Test("The server dies mid-batch and comes back: every reader gets the edition exactly once")
    func crashMidBatch() async throws {
        let server = try await SMTPTestServer.launch(stopAfter: 4)
        let app = try await Support.app(server, connections: 2)
        let readers = (1...12).map { "reader\($0)@example.org" }
        for reader in readers { try await Support.confirmed(reader, on: app) }
        let edition = try await Support.sendEdition("Breaking: the bridge", of: try await Support.daily(app), on: app)

        await app.deliverMail()
        await server.waitForExit()
        #expect(try server.messages().count == 4)
        let afterCrash = try await EditionStore.progress(edition, on: try app.db())
        #expect(afterCrash.sent == 4 && afterCrash.remaining == 8 && afterCrash.failed == 0)

        // Restart the server, and the application too (a new worker on the same database).
        try await server.restart()
        let config = app.services.config
        let restarted = try await TestApp.reopen(app, config: config)
        app.time.advance(by: 60)
        await restarted.deliverMail()
        for reader in readers {
            #expect(try server.mails(to: reader).count == 1, "\(reader)")
        }
        #expect(try await EditionStore.progress(edition, on: try restarted.db()) == EditionProgress(sent: 12))
        await app.services.database.shutdown()
        try await restarted.cleanUp()
    }

    @Test("Two instances on one database queue a day's digest exactly once")
    func digestExactlyOnce() async throws {
        let server = try await SMTPTestServer.launch()
        let first = try await Support.app(server)
        let second = try await TestApp.reopen(first, config: first.services.config)
        let db = try first.db()
        let daily = try await Support.daily(first)
        let zone = try await first.services.site.current(on: db).format.timeZone
        let slot = try #require(daily.schedule.latestSlot(atOrBefore: TestClock.start.addingTimeInterval(86_400), timeZone: zone))
        try await Fixtures.article("Morning news", section: nil, authors: [], publishedAt: slot.addingTimeInterval(-600), on: db)
        for index in 1...5 { try await Support.confirmed("digest\(index)@example.org", on: first) }
        first.time.advance(by: 86_400)

        async let one: Void = first.runNewsletterScheduler()
        async let two: Void = second.runNewsletterScheduler()
        _ = await (one, two)
        await first.runNewsletterScheduler()
        async let sentByFirst = first.deliverMail()
        async let sentBySecond = second.deliverMail()
        #expect(await sentByFirst + sentBySecond == 5)
        let editions = try await EditionStore.recent(newsletter: daily.id, limit: 10, on: db)
        #expect(editions.count == 1 && editions.first?.kind == .digest)
        #expect(try server.messages().count == 5)
        #expect(try Set(server.mails().compactMap { $0.header("X-Envelope-To") }).count == 5)
        await second.services.database.shutdown()
        try await first.cleanUp()
    }

    @Test("A scheduled edition goes out at its time; pausing holds the rest until resumed")
    func scheduleAndPause() async throws {
        let server = try await SMTPTestServer.launch()
        let app = try await Support.app(server)
        for index in 1...6 { try await Support.confirmed("s\(index)@example.org", on: app) }
        let db = try app.db()
        let daily = try await Support.daily(app)
        let id = try await EditionStore.create(
            .init(subject: "Election special", markdown: "Results.", bodyHTML: "<p>Results.</p>", bodyText: "Results."),
            newsletter: daily.id,
            kind: .manual, createdBy: nil, now: app.time.now(), on: db)
        try await EditionStore.schedule(id, at: TestClock.start.addingTimeInterval(3600), now: app.time.now(), on: db)
        await app.runNewsletterScheduler()
        #expect(try await EditionStore.find(id, on: db)?.status == .scheduled)
        app.time.advance(by: 3600)
        await app.runNewsletterScheduler()
        #expect(try await EditionStore.find(id, on: db)?.status == .sending)
        // Sending twice is refused: nobody gets it twice.
        #expect(try await EditionStore.startSending(id, now: app.time.now(), on: db) == nil)

        try await EditionStore.pause(id, now: app.time.now(), on: db)
        #expect(await app.deliverMail() == 0)
        #expect(try await EditionStore.progress(id, on: db).remaining == 6)
        try await EditionStore.resume(id, now: app.time.now(), on: db)
        #expect(await app.deliverMail() == 6)
        #expect(try await EditionStore.find(id, on: db)?.status == .sent)
        #expect(try server.messages().count == 6)
        try await app.cleanUp()
    }
}
