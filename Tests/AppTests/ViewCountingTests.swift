import App
import Domain
import Foundation
import HTTPTypes
import HummingbirdTesting
import Logging
import Persistence
import TestSupport
import Testing
import Views

@Suite("View counting")
struct ViewCountingTests {
    static let chrome = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/131.0 Safari/537.36"
    static let firefox = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0"

    func beacon(_ client: any TestClientProtocol, article: Int, agent: String, extra: HTTPFields = [:]) async throws -> HTTPResponse.Status
    {
        var headers = formHeaders
        headers[.userAgent] = agent
        headers.append(contentsOf: extra)
        return try await client.execute(
            uri: "/api/v1/views", method: .post, headers: headers, body: formBody([("article", String(article))])
        ) { $0.status }
    }

    @Test("A visitor counts once per article and day; robots and prefetches do not count")
    func deduplicates() async throws {
        try await withApp(.live, fixtures: { app in _ = try await Fixtures.newsroom(articles: 2, on: try app.db()) }) { client, app in
            let db = try app.db()
            let id = try #require(try await ArticleStore.published(slug: "story-number-1", on: db)?.id)
            for _ in 0..<3 { #expect(try await beacon(client, article: id.rawValue, agent: Self.chrome) == .accepted) }
            #expect(try await beacon(client, article: id.rawValue, agent: Self.firefox) == .accepted)
            #expect(try await beacon(client, article: id.rawValue, agent: "Googlebot/2.1 (+http://www.google.com/bot.html)") == .accepted)
            #expect(
                try await beacon(
                    client, article: id.rawValue, agent: "Mozilla/5.0 Edge", extra: [HTTPField.Name("Sec-Purpose")!: "prefetch"])
                    == .accepted)

            #expect(try await app.services.views.flush() == 2)
            #expect(try await app.services.views.flush() == 0)
            #expect(try await ArticleStore.find(id, on: db)?.summary.viewCount == 2)

            // The same readers the next hour still do not count again.
            app.time.advance(by: 3600)
            _ = try await beacon(client, article: id.rawValue, agent: Self.chrome)
            #expect(try await app.services.views.flush() == 0)
            #expect(app.services.site.trending.first?.title == "Story number 1")
        }
    }

    @Test("Trending lists what was read lately, recent reads first, and prints no all-time totals beside it")
    func trendingOrder() async throws {
        try await withApp(fixtures: { app in
            let db = try app.db()
            let (section, author) = try await Fixtures.newsroom(articles: 0, on: db)
            let now = VisitorFingerprint.hourKey(app.time.now())
            let old = try await Fixtures.article("Old favourite", section: section, authors: [author], publishedAt: TestClock.start, on: db)
            let rising = try await Fixtures.article(
                "Rising story", section: section, authors: [author], publishedAt: TestClock.start, on: db)
            let yesterday = try await Fixtures.article(
                "Yesterday's big one", section: section, authors: [author], publishedAt: TestClock.start, on: db)
            try await ViewStore.addHistory(article: old, day: "2026-10-01", hour: nil, views: 10_000, on: db)
            try await ViewStore.addHistory(article: old, day: "2026-11-30", hour: now - 1, views: 50, on: db)
            try await ViewStore.addHistory(article: rising, day: "2026-11-30", hour: now - 2, views: 80, on: db)
            try await ViewStore.addHistory(article: yesterday, day: "2026-11-29", hour: now - 30, views: 200, on: db)
        }) { client, app in
            try await app.services.site.refreshTrending(on: try app.db())
            let home = try await client.execute(uri: "/", method: .get) { $0.text }
            let list = try #require(
                home.components(separatedBy: "<ol class=\"trending__list\">").dropFirst().first?.components(separatedBy: "</ol>").first)
            let titles = list.components(separatedBy: "\">").dropFirst().compactMap { $0.components(separatedBy: "</a>").first }
            #expect(titles == ["Rising story", "Old favourite", "Yesterday&#39;s big one"])
            #expect(!list.contains("10,050") && !list.contains("views"))
            #expect(home.contains("Most read in the last two days"))
        }
    }

    @Test("Unknown articles are ignored without disturbing the batch")
    func unknownArticle() async throws {
        try await withApp(.live, fixtures: { app in _ = try await Fixtures.newsroom(articles: 1, on: try app.db()) }) { client, app in
            let db = try app.db()
            let id = try #require(try await ArticleStore.published(slug: "story-number-1", on: db)?.id)
            _ = try await beacon(client, article: 987_654, agent: Self.chrome)
            _ = try await beacon(client, article: id.rawValue, agent: Self.chrome)
            #expect(try await app.services.views.flush() == 1)
            #expect(try await ArticleStore.find(id, on: db)?.summary.viewCount == 1)
        }
    }

    @Test("Views still waiting when the server stops are written during graceful shutdown")
    func flushOnShutdown() async throws {
        let app = try await TestApp.make()
        try await Fixtures.newsroom(articles: 1, on: try app.db())
        let id = try #require(try await ArticleStore.published(slug: "story-number-1", on: try app.db())?.id)
        try await app.run(.live, keepData: true) { client in
            _ = try await beacon(client, article: id.rawValue, agent: Self.chrome)
            #expect(app.services.views.pendingCount == 1)
        }
        // The app has shut down; read what it left behind with a new connection.
        var logger = Logger(label: "check")
        logger.logLevel = .warning
        let reopened = try DatabaseService(url: app.databaseURL, siteURL: "https://news.example.org", logger: logger)
        let count = try await ArticleStore.find(id, on: try reopened.db)?.summary.viewCount
        await reopened.shutdown()
        try await app.cleanUp()
        #expect(count == 1)
    }
}
