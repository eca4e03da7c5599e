import Domain
import FluentKit
import Foundation
import HTTPTypes
import HummingbirdTesting
import Persistence
import TestSupport
import Testing

@Suite("Leave a Reply")
struct CommentFormTests {
    let fields = [("name", "Ruth Abara"), ("email", "ruth@example.org"), ("body", "Thanks for this <b>report</b>.\n\nSecond paragraph.")]

    func pending(_ app: TestApp) async throws -> [String] {
        try await CommentRecord.query(on: try app.db()).all().map { "\($0.status):\($0.authorName)" }
    }

    @Test("A comment is held for moderation and the reader is told so; it does not appear yet")
    func heldForModeration() async throws {
        try await withApp(fixtures: { app in _ = try await Fixtures.newsroom(articles: 1, on: try app.db()) }) { client, app in
            var held = ""
            try await client.execute(uri: "/story-number-1/comments", method: .post, headers: formHeaders, body: formBody(fields)) {
                response in
                #expect(response.status == .seeOther)
                held = response.headers[.location] ?? ""
            }
            #expect(held.hasPrefix("/story-number-1/comments?held=1&t="))
            try await client.execute(uri: held, method: .get) { response in
                #expect(response.text.contains("awaiting moderation and will appear once a moderator has approved it"))
                // The notice quotes why it waits.
                #expect(response.text.contains("Reason: Comments are reviewed before they appear."))
                #expect(response.headers[.cacheControl] == "no-store")
            }
            // Without the signature, the number alone tells nothing.
            try await client.execute(uri: "/story-number-1/comments?held=1&t=forged", method: .get) { response in
                #expect(!response.text.contains("awaiting moderation"))
            }
            #expect(try await pending(app) == ["pending:Ruth Abara"])
            #expect(!(try await client.execute(uri: "/story-number-1/", method: .get) { $0.text }.contains("Ruth Abara")))
        }
    }

    @Test("Without pre-moderation the comment shows at once, escaped, as a reply under its parent")
    func publishedReply() async throws {
        try await withApp(fixtures: { app in
            let db = try app.db()
            _ = try await Fixtures.newsroom(articles: 1, on: db)
            var settings = try await SettingsStore.load(on: db)
            settings.premoderateComments = false
            settings.holdFirstComment = false
            try await SettingsStore.save(settings, on: db)
            let article = try #require(try await ArticleStore.published(slug: "story-number-1", on: db))
            try await Fixtures.comment(on: article.id, by: "Kevin", text: "First!", at: TestClock.start, on: db)
        }) { client, app in
            let parent = try #require(try await CommentRecord.query(on: try app.db()).first()?.id)
            #expect(try await client.execute(uri: "/story-number-1/", method: .get) { $0.text }.contains("1 Comment"))
            try await client.execute(
                uri: "/story-number-1/comments", method: .post, headers: formHeaders,
                body: formBody(fields + [("parent", String(parent))])
            ) { response in
                #expect(response.headers[.location] == "/story-number-1/#comment-2")
            }
            let html = try await client.execute(uri: "/story-number-1/", method: .get) { $0.text }
            #expect(html.contains("2 Comments"))
            #expect(
                html.contains(
                    "<ol class=\"comment-replies\"><li class=\"comment-item\" data-comment=\"2\"><article class=\"comment\" id=\"comment-2\""
                ))
            #expect(html.contains("<p>Thanks for this &lt;b&gt;report&lt;/b&gt;.</p>\n<p>Second paragraph.</p>"))
        }
    }

    @Test("Mistakes are shown next to their fields and nothing typed is lost")
    func validation() async throws {
        try await withApp(fixtures: { app in _ = try await Fixtures.newsroom(articles: 1, on: try app.db()) }) { client, app in
            let typed = "A long, careful comment with <angle> brackets & ampersands."
            try await client.execute(
                uri: "/story-number-1/comments", method: .post, headers: formHeaders,
                body: formBody([("name", ""), ("email", "nope"), ("body", typed)])
            ) { response in
                #expect(response.status == .unprocessableContent)
                let html = response.text
                #expect(html.contains("Please check your comment"))
                #expect(html.contains("Please give a name to show with your comment."))
                #expect(html.contains("aria-invalid=\"true\" aria-describedby=\"comment-email-"))
                #expect(html.contains(">A long, careful comment with &lt;angle&gt; brackets &amp; ampersands.</textarea>"))
                #expect(html.contains("value=\"nope\""))
            }
            #expect(try await pending(app).isEmpty)
        }
    }

    @Test("Posts from another site are refused; bots filling the hidden field are filed as spam")
    func forgeryAndBots() async throws {
        try await withApp(fixtures: { app in _ = try await Fixtures.newsroom(articles: 1, on: try app.db()) }) { client, app in
            var crossSite = formHeaders
            crossSite[.origin] = "https://evil.example"
            try await client.execute(uri: "/story-number-1/comments", method: .post, headers: crossSite, body: formBody(fields)) {
                response in
                #expect(response.status == .forbidden)
            }
            var sameSite = formHeaders
            sameSite[.origin] = "https://news.example.org"
            try await client.execute(
                uri: "/story-number-1/comments", method: .post, headers: sameSite,
                body: formBody(fields + [("website", "http://spam.example")])
            ) { response in
                #expect(response.status == .seeOther)
            }
            #expect(try await pending(app) == ["spam:Ruth Abara"])
        }
    }

    @Test("The reply page works without JavaScript, and closed discussions refuse new comments")
    func replyPageAndClosed() async throws {
        try await withApp(fixtures: { app in
            let db = try app.db()
            let (section, author) = try await Fixtures.newsroom(articles: 1, on: db)
            let article = try #require(try await ArticleStore.published(slug: "story-number-1", on: db))
            try await Fixtures.comment(on: article.id, by: "Kevin", text: "First!", at: TestClock.start, on: db)
            try await Fixtures.article(
                "Closed story", section: section, authors: [author], publishedAt: TestClock.start, discussionOpen: false, on: db)
        }) { client, app in
            let parent = try #require(try await CommentRecord.query(on: try app.db()).first()?.id)
            try await client.execute(uri: "/story-number-1/comments?reply_to=\(parent)", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("Replying to <strong>Kevin</strong>"))
                #expect(response.text.contains("<input type=\"hidden\" name=\"parent\" value=\"\(parent)\">"))
            }
            #expect(try await client.execute(uri: "/closed-story/", method: .get) { $0.text }.contains("Comments are closed."))
            try await client.execute(uri: "/closed-story/comments", method: .post, headers: formHeaders, body: formBody(fields)) {
                response in
                #expect(response.status == .forbidden)
                #expect(response.text.contains("Comments are closed. Your text is kept below."))
                #expect(response.text.contains("Thanks for this &lt;b&gt;report&lt;/b&gt;."))
            }
        }
    }
}
