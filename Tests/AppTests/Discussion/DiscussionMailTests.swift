import Domain
import FluentKit
import Foundation
import HTTPTypes
import HummingbirdTesting
import Mail
import NIOCore
import Persistence
import TestSupport
import Testing

@testable import App

/// Following a discussion and the mail it sends, checked at a real SMTP server (aiosmtpd).
@Suite("Discussion mail")
struct DiscussionMailTests {
    static func app(_ server: SMTPTestServer) async throws -> TestApp {
        let app = try await TestApp.make(pageCache: false) { config in
            config.smtp = SMTPConfiguration(
                host: "127.0.0.1", port: server.port, security: .plain, heloName: "gazette.test", timeout: 5, connections: 1)
        }
        try await DiscussionAPITests.newsroom(app)
        return app
    }

    static func path(_ url: String) -> String { String(url.dropFirst("https://news.example.org".count)) }

    @Test("Followers confirm by mail, hear of follow-ups and replies (not their own), and leave in one click")
    func followAndNotify() async throws {
        let server = try await SMTPTestServer.launch()
        let app = try await Self.app(server)
        try await app.run(.live) { client in
            // Ana follows the whole discussion from the bar.
            try await client.execute(
                uri: "/api/v1/articles/story-number-1/subscriptions", method: .post, headers: DiscussionAPITests.json,
                body: DiscussionAPITests.body(["email": "Ana@Example.org", "kind": "article"])
            ) { response in #expect(response.status == .accepted) }
            await app.deliverMail()
            let confirmation = try #require(try server.mails(to: "ana@example.org").first)
            #expect(confirmation.header("Subject") == "Confirm: follow the discussion of “Story number 1”")
            let confirm = try #require(confirmation.link(startingWith: "https://news.example.org/discussion/confirm/"))
            #expect(
                try await client.execute(uri: Self.path(confirm), method: .get) { $0.text }.contains(
                    "<button type=\"submit\">Confirm</button>"))
            #expect(try await CommentStore.bar(article: .init(1), on: try app.db()).stats.followers == 0)
            _ = try await client.execute(uri: Self.path(confirm), method: .post) { $0.status }
            #expect(try await CommentStore.bar(article: .init(1), on: try app.db()).stats.followers == 1)

            // Kevin comments and asks for replies to his comment.
            let (_, kevin) = try await DiscussionAPITests.post(
                client, ["name": "Kevin", "email": "kevin@example.org", "body": "First thought.", "notify": true])
            let kevinID = try #require(kevin["id"] as? Int)
            await app.deliverMail()
            let kevinMails = try server.mails(to: "kevin@example.org")
            let kevinConfirm = try #require(kevinMails.first?.link(startingWith: "https://news.example.org/discussion/confirm/"))
            _ = try await client.execute(uri: Self.path(kevinConfirm), method: .post) { $0.status }

            // Ben replies to Kevin: Ana (follower) and Kevin (replies to his comment) hear of it, Ben does not.
            app.time.advance(by: 61)
            _ = try await DiscussionAPITests.post(
                client, ["name": "Ben <b>", "email": "ben@example.org", "body": "I **disagree**.", "parent": kevinID])
            await app.deliverMail()
            let toAna = try #require(try server.mails(to: "ana@example.org").first { $0.text.contains("I disagree") })
            #expect(toAna.header("Subject") == "New comment on “Story number 1”")
            #expect(toAna.text.contains("Ben <b> wrote in the discussion of “Story number 1”"))
            #expect(toAna.html.contains("Ben &lt;b&gt;") && !toAna.html.contains("Ben <b>"))
            #expect(toAna.text.contains("“I disagree.”"))
            let stop = try #require(toAna.header("List-Unsubscribe")?.trimmingCharacters(in: CharacterSet(charactersIn: "<>")))
            #expect(toAna.header("List-Unsubscribe-Post") == "List-Unsubscribe=One-Click")
            #expect(try server.mails(to: "kevin@example.org").contains { $0.text.contains("I disagree") })
            #expect(try server.mails(to: "ben@example.org").isEmpty)

            // One click from the mail client: no more mail, one follower fewer.
            try await client.execute(
                uri: Self.path(stop), method: .post, headers: formHeaders, body: formBody([("List-Unsubscribe", "One-Click")])
            ) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("You will get no more emails about the discussion"))
            }
            #expect(try await CommentStore.bar(article: .init(1), on: try app.db()).stats.followers == 0)
            #expect(try await client.execute(uri: Self.path(stop), method: .get) { $0.status } == .notFound)
        }
        await server.stop()
    }

    @Test("Moderators hear of a waiting queue once an hour; an approved author is told")
    func moderationMail() async throws {
        let server = try await SMTPTestServer.launch()
        let app = try await Self.app(server)
        var settings = try await SettingsStore.load(on: try app.db())
        settings.premoderateComments = true
        try await SettingsStore.save(settings, on: try app.db())
        let moderator = try await app.staff(.moderator, email: "mod@example.org")
        try await app.run(.live) { client in
            _ = try await DiscussionAPITests.post(client, ["name": "Zoe", "email": "zoe@example.org", "body": "Held one."])
            _ = try await DiscussionAPITests.post(client, ["name": "Zoe", "email": "zoe@example.org", "body": "Held two."])
            await app.deliverMail()
            let notices = try server.mails(to: "mod@example.org")
            #expect(notices.map { $0.header("Subject") } == ["1 comment waits for moderation"])
            #expect(notices.first?.link(startingWith: "https://news.example.org/admin/comments") != nil)

            let ids = try await CommentStore.queue(.pending, page: .init(number: 1, size: 10), on: try app.db()).items.map(\.comment.id)
            try await client.execute(
                uri: "/admin/comments?status=pending", method: .post, headers: moderator.formHeaders,
                body: formBody([("_csrf", moderator.csrf), ("action", "approve")] + ids.map { ("id", String($0.rawValue)) })
            ) { response in #expect(response.status == .seeOther) }
            await app.deliverMail()
            let published = try server.mails(to: "zoe@example.org").filter {
                $0.header("Subject") == "Your comment on “Story number 1” is published"
            }
            #expect(published.count == 2)
            #expect(published.first?.link(startingWith: "https://news.example.org/story-number-1/#comment-") != nil)
        }
        await server.stop()
    }

    @Test("Hostile names and texts stay text in notification mail")
    func hostileMail() async throws {
        let server = try await SMTPTestServer.launch()
        let app = try await Self.app(server)
        try await app.run(.router) { client in
            let db = try app.db()
            guard
                let (subscription, _) = try await CommentSubscriptionStore.subscribe(
                    article: .init(1), comment: nil, kind: .article, email: "ana@example.org", random: app.services.random,
                    now: app.time.now(), on: db)
            else {
                Issue.record("no subscription")
                return
            }
            let token = try #require(try await CommentSubscriptionRecord.find(subscription.id, on: db))
            token.confirmedAt = app.time.now()
            try await token.update(on: db)
            for (index, payload) in CommentPayloads.all.enumerated() {
                app.time.advance(by: 125)
                let name = CommentPayloads.names[index % CommentPayloads.names.count]
                let (status, _) = try await DiscussionAPITests.post(
                    client, ["name": name, "email": "p\(index)@example.org", "body": payload])
                #expect(status == .created)
            }
            let html = try await OutboxMessageRecord.query(on: db).filter(\.$purpose == "comment_notification").all().compactMap(\.htmlBody)
            #expect(html.count == CommentPayloads.all.count)
            for mail in html {
                let lowered = mail.lowercased()
                for needle in [
                    "<script", "<img", "<iframe", "<svg", "onerror=\"", "onload=\"", "href=\"javascript", "<form", "<input", "<object",
                ] {
                    #expect(!lowered.contains(needle), "mail contains \(needle)")
                }
            }
        }
        await server.stop()
    }
}
