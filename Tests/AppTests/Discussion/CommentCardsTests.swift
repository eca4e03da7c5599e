import Domain
import FluentKit
import Foundation
import HTTPTypes
import HummingbirdTesting
import Persistence
import SQLKit
import TestSupport
import Testing
import Views

@testable import App

/// Each comment's card (avatar, name, badges, time, text) is rendered once and kept; pages show
/// the kept card, and whatever changes a card shows is on the page at once, card or not.
@Suite("Comment cards")
struct CommentCardsTests {
    static let article = "story-number-1"

    static func commentHTML(_ page: String, _ id: Domain.Comment.ID) -> Substring? {
        guard
            let start = page.range(of: "<li class=\"comment-item\" data-comment=\"\(id.rawValue)\">")
                ?? page.range(of: "<li class=\"comment-item comment-item--pinned\" data-comment=\"\(id.rawValue)\">"),
            let end = page.range(of: "</li>", range: start.upperBound..<page.endIndex)
        else { return nil }
        return page[start.lowerBound..<end.upperBound]
    }

    /// An open newsroom whose scheduler runs only when the test calls it: its round at start
    /// would otherwise render cards at a moment of its own.
    static func withNewsroom(_ body: @Sendable (any TestClientProtocol, TestApp) async throws -> Void) async throws {
        let app = try await TestApp.make(pageCache: false) { $0.backgroundSchedule = false }
        do {
            try await DiscussionAPITests.newsroom(app)
        } catch {
            try? await app.cleanUp()
            throw error
        }
        try await app.run { client in try await body(client, app) }
    }

    /// A comment by Ana Ruiz on the newsroom's open article.
    static func withComment(
        _ text: String,
        _ body: @Sendable (any TestClientProtocol, TestApp, any Database, Article.ID, Domain.Comment.ID) async throws -> Void
    ) async throws {
        try await withNewsroom { client, app in
            let db = try app.db()
            let article = try #require(try await ArticleStore.published(slug: Self.article, on: db)).id
            let id = try await Fixtures.comment(on: article, by: "Ana Ruiz", text: text, at: TestClock.start, on: db)
            try await body(client, app, db, article, id)
        }
    }

    static func missingThreads(_ app: TestApp) async throws -> Int {
        let db = try app.db()
        let key = CommentCards.threadKey(try await app.services.site.current(on: db))
        return try await CommentStore.withoutThreadCard(key: key, limit: 100, on: db).count
    }

    static func missingCards(_ app: TestApp) async throws -> Int {
        let db = try app.db()
        let key = CommentCards.key(try await app.services.site.current(on: db))
        return try await CommentStore.withoutCard(key: key, limit: 100, on: db).count
    }

    @Test("The page shows the card kept for a comment, the same markup as one rendered for the request")
    func keptCardShown() async throws {
        try await Self.withComment("First *words*.") { client, app, db, article, id in
            #expect(try await Self.missingCards(app) == 1)
            let rendered = try await client.execute(uri: "/\(Self.article)/", method: .get) { $0.text }

            await PublishScheduler(services: app.services, interval: .seconds(3600)).tick()
            #expect(try await Self.missingCards(app) == 0)
            let kept = try await client.execute(uri: "/\(Self.article)/", method: .get) { $0.text }
            let shown = try #require(Self.commentHTML(kept, id))
            #expect(shown == Self.commentHTML(rendered, id))
            #expect(shown.contains("<span class=\"comment__author\">Ana Ruiz</span><span class=\"comment__badge\">Guest</span>"))
            #expect(shown.contains("<p>First <em>words</em>.</p>"))

            // The page reads the card, not the text: a card changed behind its back shows as is,
            // while the API (which carries the text) still reads the text.
            try await (db as! any SQLDatabase).raw("UPDATE comments SET card_html = replace(card_html, 'First', 'Kept')").run()
            #expect(try await client.execute(uri: "/\(Self.article)/", method: .get) { $0.text }.contains("<p>Kept <em>words</em>.</p>"))
            let api = try await client.execute(uri: "/api/v1/articles/\(Self.article)/comments", method: .get) { $0.text }
            #expect(api.contains("First <em>words<\\/em>.") || api.contains("First <em>words</em>."))
        }
    }

    @Test("An edit, a pin and a new 'Read more' length show at once, and the next round renders their cards")
    func changesShowAtOnce() async throws {
        try await Self.withComment("One two three four five six seven eight.") { client, app, db, article, id in
            let scheduler = PublishScheduler(services: app.services, interval: .seconds(3600))
            await scheduler.tick()

            try await CommentStore.edit(id, body: CommentText.render("Changed my mind."), hold: nil, at: TestClock.start, on: db)
            var page = try await client.execute(uri: "/\(Self.article)/", method: .get) { $0.text }
            var shown = try #require(Self.commentHTML(page, id))
            #expect(shown.contains("Changed my mind.") && shown.contains("<span class=\"comment__edited\">edited</span>"))
            #expect(try await Self.missingCards(app) == 1)

            try await CommentStore.setPinned([id], true, on: db)
            page = try await client.execute(uri: "/\(Self.article)/", method: .get) { $0.text }
            shown = try #require(Self.commentHTML(page, id))
            #expect(shown.contains("<span class=\"comment__badge comment__badge--pinned\">Pinned</span>"))
            await scheduler.tick()
            #expect(try await Self.missingCards(app) == 0)
            #expect(try await client.execute(uri: "/\(Self.article)/", method: .get) { $0.text } == page)

            var settings = try await SettingsStore.load(on: db)
            settings.commentExcerptWords = 2
            try await SettingsStore.save(settings, on: db)
            app.services.site.invalidate()
            page = try await client.execute(uri: "/\(Self.article)/", method: .get) { $0.text }
            shown = try #require(Self.commentHTML(page, id))
            #expect(shown.contains("<summary>Read more »</summary>"))
            #expect(try await Self.missingCards(app) == 1)
            await scheduler.tick()
            #expect(try await Self.missingCards(app) == 0)
            #expect(try await client.execute(uri: "/\(Self.article)/", method: .get) { $0.text } == page)
        }
    }

    @Test("A vote, a new address and a closed discussion show at once: the card carries votes and links")
    func votesAndLinks() async throws {
        try await Self.withComment("Keep it.") { client, app, db, article, id in
            let scheduler = PublishScheduler(services: app.services, interval: .seconds(3600))
            await scheduler.tick()
            #expect(try await Self.missingCards(app) == 0)

            let (status, _) = try await DiscussionAPITests.post(client, ["value": 1], to: "/api/v1/comments/\(id.rawValue)/vote")
            #expect(status == .ok)
            var page = try await client.execute(uri: "/\(Self.article)/", method: .get) { $0.text }
            var shown = try #require(Self.commentHTML(page, id))
            #expect(shown.contains("aria-label=\"Vote up (1)\">▲</button><span class=\"vote__score\" aria-label=\"Score\">1</span>"))
            #expect(try await Self.missingCards(app) == 1)
            await scheduler.tick()
            #expect(try await Self.missingCards(app) == 0)
            #expect(try await client.execute(uri: "/\(Self.article)/", method: .get) { $0.text } == page)

            // The article moves: its comments' links follow it at once.
            var editable = try #require(try await ArticleStore.editable(article, on: db))
            editable.draft.slug = "story-moved"
            try await ArticleStore.update(
                article, with: editable.draft, body: BodyRenderer.render(markdown: editable.draft.bodyMarkdown), now: TestClock.start,
                on: db)
            page = try await client.execute(uri: "/story-moved/", method: .get) { $0.text }
            shown = try #require(Self.commentHTML(page, id))
            #expect(
                shown.contains("href=\"/story-moved/comments?reply_to=\(id.rawValue)#respond-\(article.rawValue)\" data-reply>Reply</a>"))
            #expect(shown.contains("href=\"/story-moved/comments?report=\(id.rawValue)\">Report</a>"))
            #expect(!shown.contains(Self.article))
            await scheduler.tick()
            #expect(try await client.execute(uri: "/story-moved/", method: .get) { $0.text } == page)

            // Closed: the kept card (with its reply link) is not shown, the comment is.
            editable.draft.discussionOpen = false
            try await ArticleStore.update(
                article, with: editable.draft, body: BodyRenderer.render(markdown: editable.draft.bodyMarkdown), now: TestClock.start,
                on: db)
            page = try await client.execute(uri: "/story-moved/", method: .get) { $0.text }
            shown = try #require(Self.commentHTML(page, id))
            #expect(shown.contains("<p>Keep it.</p>") && shown.contains("Report</a>"))
            #expect(!shown.contains("comment__reply"))
            #expect(try await Self.missingCards(app) == 0)
        }
    }

    @Test(
        "A round keeps every missing card batch after batch (a busy round up to its limit), read on the page reader, and skips a comment changed meanwhile"
    )
    func batchedRound() async throws {
        try await Self.withComment("One.") { client, app, db, article, first in
            var ids = [first]
            for number in 2...7 {
                ids.append(
                    try await Fixtures.comment(on: article, by: "Reader \(number)", text: "Text \(number).", at: TestClock.start, on: db))
            }
            let site = try await app.services.site.current(on: db)
            let reads = try app.services.pageReads()
            let writes = try app.services.discussionWrites()
            // Batches of two: four batches, each going on after the last comment of the one before.
            // A busy round stops at its limit (mid-batch too); the next one goes on from there, and
            // then keeps the seven threads.
            #expect(try await CommentCards.renderMissing(site: site, reads: reads, writes: writes, batch: 2, limit: 3) == 3)
            #expect(try await Self.missingCards(app) == 4)
            #expect(try await Self.missingThreads(app) == 7)
            #expect(try await CommentCards.renderMissing(site: site, reads: reads, writes: writes, batch: 2) == 4 + 7)
            #expect(try await Self.missingCards(app) == 0)
            #expect(try await Self.missingThreads(app) == 0)
            #expect(try await CommentCards.renderMissing(site: site, reads: reads, writes: writes, batch: 2) == 0)
            let page = try await client.execute(uri: "/\(Self.article)/", method: .get) { $0.text }
            for (offset, id) in ids.enumerated() {
                #expect(try #require(Self.commentHTML(page, id)).contains(offset == 0 ? "<p>One.</p>" : "<p>Text \(offset + 1).</p>"))
            }

            // Cards rendered from a comment that is voted on before they are kept: the batch keeps
            // the others and not that one, which the next round renders again.
            let key = CommentCards.key(site)
            try await (db as! any SQLDatabase).raw("UPDATE comments SET card_key = NULL").run()
            let stale = try await CommentStore.withoutCard(key: key, limit: 10, on: reads)
            #expect(stale.map(\.id) == ids)
            try await (db as! any SQLDatabase).raw("UPDATE comments SET upvotes = upvotes + 1 WHERE id = \(bind: ids[3].rawValue)").run()
            try await CommentStore.keepCards(stale.map { ($0, "<li>kept \($0.id.rawValue)</li>") }, key: key, on: db)
            #expect(try await CommentStore.withoutCard(key: key, limit: 10, on: reads).map(\.id) == [ids[3]])
            #expect(try await CommentStore.withoutCard(key: key, after: ids[3], limit: 10, on: reads).isEmpty)
        }
    }

    @Test("While readers post by the hundred a round renders a few hundred cards; the quiet round after it, all the rest")
    func busyRounds() async throws {
        try await Self.withNewsroom { client, app in
            let activity = app.services.discussionActivity
            _ = activity.takePosts()
            // The post through the form counts; quiet: a whole round.
            let (status, _) = try await DiscussionAPITests.post(client, DiscussionAPITests.ruth)
            #expect(status == .created)
            let posts = activity.takePosts()
            #expect(posts == 1 && activity.takePosts() == 0)
            #expect(CommentCards.roundLimit(postsSinceLastRound: posts) == .max)
            for _ in 0...CommentCards.busyPosts { activity.recordPost() }
            #expect(CommentCards.roundLimit(postsSinceLastRound: activity.takePosts()) == CommentCards.busyRound)
            #expect(CommentCards.roundLimit(postsSinceLastRound: activity.takePosts()) == .max)
        }
    }
}
