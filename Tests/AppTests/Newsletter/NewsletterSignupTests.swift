import Domain
import Foundation
import HTTPTypes
import HummingbirdTesting
import Persistence
import TestSupport
import Testing
import Views

@testable import App

/// The reader's whole journey, over real HTTP and a real SMTP server: the home page's box, the
/// confirmation mail and its link, the digest with its list headers, the preferences page and
/// the one-click unsubscribe a mail provider sends.
@Suite("Newsletter signup, confirmation and leaving")
struct NewsletterSignupTests {
    typealias Support = NewsletterTestSupport

    @Test("A reader signs up from the home page and confirms once from the mail, with a button a mail scanner does not press")
    func signupAndConfirm() async throws {
        let server = try await SMTPTestServer.launch()
        let app = try await Support.app(server)
        let db = try app.db()
        let daily = try await Support.daily(app)
        try await app.run(.live) { client in
            let home = try await client.execute(uri: "/", method: .get) { $0.text }
            #expect(home.contains("<form class=\"newsletter__form\" action=\"/newsletter\" method=\"post\">"))
            let signup = try await client.execute(
                uri: "/newsletter", method: .post, headers: formHeaders,
                body: formBody([("email", " Zoe@Example.org "), ("name", "Zoë Ångström"), ("website", "")])
            ) { ($0.status, $0.text) }
            #expect(signup.0 == .ok)
            #expect(signup.1.contains("Check your inbox") && signup.1.contains("zoe@example.org"))

            await app.deliverMail()
            let confirmation = try #require(try server.mails(to: "zoe@example.org").first)
            #expect(confirmation.header("To") == "Zoë Ångström <zoe@example.org>")
            #expect(confirmation.raw.contains("To: =?utf-8?b?"))  // encoded on the wire, decoded above
            #expect(confirmation.header("Subject") == "Confirm your subscription to The Gazette")
            #expect(confirmation.header("Message-ID")?.hasPrefix("<") == true)
            #expect(confirmation.header("Date")?.contains("2026") == true)
            #expect(confirmation.header("Content-Type")?.hasPrefix("multipart/alternative") == true)
            #expect(confirmation.header("List-Unsubscribe") == nil)  // transactional mail is not list mail
            let confirmURL = try #require(confirmation.link(startingWith: "https://news.example.org/newsletter/confirm/"))
            #expect(confirmation.html.contains("href=\"\(confirmURL)\""))
            #expect(confirmation.text.contains("The Daily Briefing"))

            // Opening the link shows a button; only pressing it confirms (mail scanners open links).
            let confirmPath = Support.path(confirmURL)
            #expect(try await client.execute(uri: confirmPath, method: .get) { $0.text }.contains("Confirm my subscription"))
            #expect(try await SubscriberStore.find(email: "zoe@example.org", on: db)?.status == .pending)
            let confirmed = try await client.execute(uri: confirmPath, method: .post, headers: formHeaders, body: formBody([])) { $0.text }
            #expect(confirmed.contains("You are subscribed") && confirmed.contains("The Daily Briefing"))
            let subscriber = try #require(try await SubscriberStore.find(email: "zoe@example.org", on: db))
            #expect(subscriber.status == .confirmed && subscriber.name == "Zoë Ångström")
            #expect(subscriber.confirmedAt == TestClock.start)
            #expect(subscriber.consentSource == "Signup box on the home page")
            #expect(subscriber.newsletterIDs == [daily.id])
            // The token is single-use.
            #expect(
                try await client.execute(uri: confirmPath, method: .post, headers: formHeaders, body: formBody([])) { $0.status }
                    == .notFound)
        }
    }

    /// A confirmed reader of the daily digest, two stories before tomorrow's slot, and that slot.
    func digestReader(_ app: TestApp) async throws -> (daily: Newsletter, slot: Date, section: Section, author: Author) {
        let db = try app.db()
        let daily = try await Support.daily(app)
        let zone = try await app.services.site.current(on: db).format.timeZone
        let slot = try #require(daily.schedule.latestSlot(atOrBefore: TestClock.start.addingTimeInterval(86_400), timeZone: zone))
        let section = try await Fixtures.section(on: db)
        let author = try await Fixtures.author(on: db)
        try await Fixtures.article(
            "Bridge reopens after repairs — “finally”", section: section, authors: [author], publishedAt: slot.addingTimeInterval(-3600),
            on: db)
        try await Fixtures.article("Second story", section: section, authors: [author], publishedAt: slot.addingTimeInterval(-7200), on: db)
        try await Support.confirmed("zoe@example.org", name: "Zoë Ångström", on: app)
        return (daily, slot, section, author)
    }

    @Test("The next morning's digest arrives once, with list headers, both stories and a way to the preferences")
    func digest() async throws {
        let server = try await SMTPTestServer.launch()
        let app = try await Support.app(server)
        _ = try await digestReader(app)
        try await app.run(.live) { client in
            // However often the scheduler looks.
            app.time.advance(by: 86_400)
            await app.runNewsletterScheduler()
            await app.runNewsletterScheduler()
            await app.deliverMail()
            let digests = try server.mails(to: "zoe@example.org").filter { $0.header("List-Id") != nil }
            #expect(digests.count == 1)
            let digest = try #require(digests.first)
            #expect(digest.header("Subject") == "Bridge reopens after repairs — “finally”, and 1 more")
            #expect(digest.header("From") == "\"The Daily Briefing\" <news@news.example.org>")
            #expect(digest.header("List-Id") == "\"The Daily Briefing\" <daily.news.example.org>")
            #expect(digest.header("List-Unsubscribe-Post") == "List-Unsubscribe=One-Click")
            #expect(digest.text.contains("BRIDGE REOPENS AFTER REPAIRS — “FINALLY”") && digest.text.contains("SECOND STORY"))
            #expect(digest.html.contains("https://news.example.org/bridge-reopens-after-repairs-finally/"))
            #expect(try #require(digest.header("List-Unsubscribe")).contains("<mailto:news@news.example.org?subject=unsubscribe"))

            // The preferences page from the mail's footer.
            let preferencesURL = try #require(digest.link(startingWith: "https://news.example.org/newsletter/preferences/"))
            let preferences = try await client.execute(uri: Support.path(preferencesURL), method: .get) { $0.text }
            #expect(preferences.contains("Your newsletters") && preferences.contains("zoe@example.org"))
            // A token that has been tampered with opens nothing.
            #expect(try await client.execute(uri: Support.path(preferencesURL) + "x", method: .get) { $0.status } == .notFound)
        }
    }

    @Test("One click from the digest's List-Unsubscribe header ends the list, and nothing more arrives")
    func oneClickUnsubscribe() async throws {
        let server = try await SMTPTestServer.launch()
        let app = try await Support.app(server)
        let (daily, slot, section, author) = try await digestReader(app)
        let db = try app.db()
        try await app.run(.live) { client in
            app.time.advance(by: 86_400)
            await app.runNewsletterScheduler()
            await app.deliverMail()
            let digest = try #require(try server.mails(to: "zoe@example.org").first { $0.header("List-Id") != nil })
            let header = try #require(digest.header("List-Unsubscribe"))
            let oneClickURL = try #require(link(in: header, startingWith: "https://news.example.org/newsletter/unsubscribe/daily/"))

            // The GET shows a confirmation page and changes nothing.
            let page = try await client.execute(uri: Support.path(oneClickURL), method: .get) { $0.text }
            #expect(page.contains("Stop sending <strong>The Daily Briefing</strong>"))
            #expect(try await SubscriberStore.find(email: "zoe@example.org", on: db)?.newsletterIDs == [daily.id])
            // RFC 8058: the provider POSTs, with no cookie and no session.
            let left = try await client.execute(
                uri: Support.path(oneClickURL), method: .post, headers: formHeaders, body: formBody([("List-Unsubscribe", "One-Click")])
            ) { ($0.status, $0.text) }
            #expect(left.0 == .ok && left.1.contains("You are unsubscribed"))
            #expect(try await SubscriberStore.find(email: "zoe@example.org", on: db)?.newsletterIDs == [])

            // Nothing more reaches them, even when there is news and an edition goes out.
            try await Fixtures.article(
                "Third story", section: section, authors: [author], publishedAt: slot.addingTimeInterval(80_000), on: db)
            try await Support.confirmed("other@example.org", on: app)
            app.time.advance(by: 86_400)
            await app.runNewsletterScheduler()
            await app.deliverMail()
            #expect(try server.mails(to: "zoe@example.org").filter { $0.header("List-Id") != nil }.count == 1)
            #expect(try server.mails(to: "other@example.org").filter { $0.header("Subject") == "Third story" }.count == 1)
        }
    }

    @Test("Signing up again sends a fresh link or a way to the preferences, and the page never tells which")
    func signupAgain() async throws {
        let server = try await SMTPTestServer.launch()
        let app = try await Support.app(server)
        try await Support.confirmed("known@example.org", on: app)
        try await app.run { client in
            func signUp(_ email: String) async throws -> String {
                try await client.execute(
                    uri: "/newsletter", method: .post, headers: formHeaders,
                    body: formBody([("email", email), ("source", "page"), ("newsletter", "1")])
                ) { $0.text }
            }
            let known = try await signUp("known@example.org")
            let fresh = try await signUp("fresh@example.org")
            #expect(known.replacingOccurrences(of: "known", with: "X") == fresh.replacingOccurrences(of: "fresh", with: "X"))
            await app.deliverMail()
            let reminder = try #require(try server.mails(to: "known@example.org").first)
            #expect(reminder.header("Subject") == "You are already subscribed to The Gazette")
            #expect(reminder.link(startingWith: "https://news.example.org/newsletter/preferences/") != nil)
            #expect(try server.mails(to: "fresh@example.org").first?.header("Subject")?.hasPrefix("Confirm your subscription") == true)
            #expect(try await SubscriberStore.find(email: "known@example.org", on: try app.db())?.consentSource == "test")
        }
    }

    @Test("A bad address gets a clear message, the honeypot catches robots, and one network cannot flood the list")
    func badInput() async throws {
        let server = try await SMTPTestServer.launch()
        let app = try await Support.app(server)
        try await app.run { client in
            let bad = try await client.execute(
                uri: "/newsletter", method: .post, headers: formHeaders,
                body: formBody([("email", "not an address"), ("name", "<b>Bo</b>")])
            ) { ($0.status, $0.text) }
            #expect(bad.0 == .unprocessableContent)
            #expect(bad.1.contains("aria-invalid=\"true\"") && bad.1.contains("Please check the form"))
            #expect(bad.1.contains("value=\"&lt;b&gt;Bo&lt;/b&gt;\""))
            let none = try await client.execute(
                uri: "/newsletter", method: .post, headers: formHeaders, body: formBody([("email", "a@example.org"), ("source", "page")])
            ) { ($0.status, $0.text) }
            #expect(none.0 == .unprocessableContent && none.1.contains("Choose at least one newsletter."))

            let robot = try await client.execute(
                uri: "/newsletter", method: .post, headers: formHeaders,
                body: formBody([("email", "bot@example.org"), ("website", "http://spam")])
            ) { $0.text }
            #expect(robot.contains("Check your inbox"))
            #expect(try await SubscriberStore.find(email: "bot@example.org", on: try app.db()) == nil)

            var statuses: [HTTPResponse.Status] = []
            for index in 0..<(NewsletterSignupController.networkLimit + 1) {
                statuses.append(
                    try await client.execute(
                        uri: "/newsletter", method: .post, headers: formHeaders, body: formBody([("email", "reader\(index)@example.org")])
                    ) { $0.status })
            }
            #expect(statuses.dropLast().allSatisfy { $0 == .ok })
            #expect(statuses.last == .tooManyRequests)
            await app.deliverMail()
            #expect(try server.messages().count == NewsletterSignupController.networkLimit)
        }
    }

    @Test("The preferences page changes newsletters, pauses and resumes, and leaves everything")
    func preferences() async throws {
        let server = try await SMTPTestServer.launch()
        let app = try await Support.app(server)
        let subscriber = try await Support.confirmed("pat@example.org", on: app)
        let db = try app.db()
        let key = try #require(try await SubscriberStore.linkKey(subscriber.id, on: db))
        let token = try await app.services.mailer.subscriberToken(subscriber.id, linkKey: key, on: db)
        let path = "/newsletter/preferences/\(token)"
        let weekly = try #require(try await NewsletterStore.all(on: db).first { $0.slug == "weekly-analysis" })
        try await app.run { client in
            func post(_ fields: [(String, String)]) async throws -> String? {
                try await client.execute(uri: path, method: .post, headers: formHeaders, body: formBody(fields)) { $0.headers[.location] }
            }
            #expect(try await post([("action", "save"), ("newsletter", "\(weekly.id)")]) == path + "?done=saved")
            #expect(try await SubscriberStore.find(subscriber.id, on: db)?.newsletterIDs == [weekly.id])
            #expect(try await post([("action", "pause"), ("pause", "1m")]) == path + "?done=paused")
            #expect(try await SubscriberStore.find(subscriber.id, on: db)?.pausedUntil != nil)
            #expect(try await NewsletterStore.audienceSizes(now: app.time.now(), on: db)[weekly.id] ?? 0 == 0)
            let paused = try await client.execute(uri: path + "?done=paused", method: .get) { $0.text }
            #expect(paused.contains("Your newsletters are paused until"))
            #expect(try await post([("action", "resume")]) == path + "?done=resumed")
            #expect(try await NewsletterStore.audienceSizes(now: app.time.now(), on: db)[weekly.id] == 1)
            #expect(try await post([("action", "leave")]) == path + "?done=left")
            #expect(try await SubscriberStore.find(subscriber.id, on: db)?.status == .unsubscribed)
            let bad = try await client.execute(
                uri: path, method: .post, headers: formHeaders, body: formBody([("action", "pause"), ("pause", "forever")])
            ) {
                ($0.status, $0.text)
            }
            #expect(bad.0 == .badRequest && bad.1.contains("Choose how long to pause for."))
        }
    }
}
