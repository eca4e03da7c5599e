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
