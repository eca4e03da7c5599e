import CompressNIO
import Domain
import Foundation
import HTTPTypes
import HummingbirdTesting
import Logging
import NIOCore
import Persistence
import Routes
import Synchronization
import TestSupport
import Testing

@testable import App

@Suite("Page cache and HTTP caching")
struct PageCacheTests {
    @Test("Pages carry an ETag and caching headers, and a matching If-None-Match gets 304")
    func conditionalRequests() async throws {
        try await withApp(fixtures: { app in _ = try await Fixtures.newsroom(articles: 2, on: try app.db()) }) { client, _ in
            let etag = try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.cacheControl] == "public, max-age=0, s-maxage=60, stale-while-revalidate=300")
                #expect(response.headers[.vary] == "Accept-Encoding")
                return try #require(response.headers[.eTag])
            }
            try await client.execute(uri: "/", method: .get, headers: [.ifNoneMatch: etag]) { response in
                #expect(response.status == .notModified)
                #expect(response.body.readableBytes == 0)
                #expect(response.headers[.eTag] == etag)
            }
            try await client.execute(uri: "/", method: .get, headers: [.ifNoneMatch: "\"something-else\""]) { response in
                #expect(response.status == .ok)
            }
        }
    }

    @Test("Clients that accept gzip get the same page compressed")
    func gzip() async throws {
        try await withApp(fixtures: { app in _ = try await Fixtures.newsroom(articles: 6, on: try app.db()) }) { client, _ in
            let plain = try await client.execute(uri: "/", method: .get) { $0.text }
            try await client.execute(uri: "/", method: .get, headers: [.acceptEncoding: "br, gzip;q=0.8"]) { response in
                #expect(response.headers[.contentEncoding] == "gzip")
                var body = response.body
                let inflated = try body.decompress(with: .gzip())
                #expect(String(buffer: inflated) == plain)
                #expect(response.body.readableBytes < plain.utf8.count / 2)
            }
            try await client.execute(uri: "/", method: .get, headers: [.acceptEncoding: "gzip;q=0"]) { response in
                #expect(response.headers[.contentEncoding] == nil)
            }
        }
    }

    @Test("A cached page is served until content changes; a newly published article appears on the home page at once")
    func invalidation() async throws {
        try await withApp(fixtures: { app in _ = try await Fixtures.newsroom(articles: 2, on: try app.db()) }) { client, app in
            let db = try app.db()
            #expect(try await client.execute(uri: "/", method: .get) { $0.text }.contains("Story number 2"))

            // A scheduled article becomes due; until the scheduler publishes it, the cached page stands.
            let section = try #require(try await SectionStore.find(slug: "news", on: db))
            let author = try #require(try await AuthorStore.find(slug: "ana-ruiz", on: db))
            try await Fixtures.article(
                "Breaking: bridge reopens", section: section, authors: [author], status: .scheduled,
                publishedAt: TestClock.start.addingTimeInterval(-1), on: db)
            #expect(app.services.cache.count > 0)

            await PublishScheduler(services: app.services, interval: .seconds(3600)).tick()
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.text.contains("Breaking: bridge reopens"))
            }
        }
    }

    @Test("With the cache off every request renders afresh")
    func disabled() async throws {
        try await withApp(pageCache: false, fixtures: { app in _ = try await Fixtures.newsroom(articles: 1, on: try app.db()) }) {
            client, app in
            _ = try await client.execute(uri: "/", method: .get) { $0.status }
            #expect(app.services.cache.count == 0)
            let db = try app.db()
            let section = try #require(try await SectionStore.find(slug: "news", on: db))
            try await Fixtures.article("Fresh story", section: section, authors: [], publishedAt: TestClock.start, on: db)
            #expect(try await client.execute(uri: "/", method: .get) { $0.text }.contains("Fresh story"))
        }
    }

    @Test("After their time to live, pages are served stale while one rendering refreshes them")
    func timeToLive() async throws {
        let app = try await TestApp.make { $0.pageCacheTTL = .seconds(60) }
        try await Fixtures.newsroom(articles: 1, on: try app.db())
        try await app.run { client in
            let db = try app.db()
            #expect(try await client.execute(uri: "/story-number-1/", method: .get) { $0.text }.contains("0 Views"))
            let id = try #require(try await ArticleStore.published(slug: "story-number-1", on: db)?.id)
            try await ViewStore.addHistory(article: id, day: "2026-11-24", hour: nil, views: 5, on: db)
            #expect(try await client.execute(uri: "/story-number-1/", method: .get) { $0.text }.contains("0 Views"))
            app.time.advance(by: 61)
            #expect(try await client.execute(uri: "/story-number-1/", method: .get) { $0.text }.contains("0 Views"))
            let refreshed = try await eventually {
                try await client.execute(uri: "/story-number-1/", method: .get) { $0.text }.contains("5 Views")
            }
            #expect(refreshed)
        }
    }

    @Test("Many readers asking for a page nobody has rendered yet cause one rendering")
    func singleFlight() async throws {
        let time = MutableTime()
        let cache = PageCache(
            enabled: true, ttl: .seconds(60), time: time, logger: .init(label: "test"), security: SecurityHeaders(https: false))
        let renders = Atomic<Int>(0)
        let render: @Sendable () async throws -> String = {
            renders.add(1, ordering: .relaxed)
            try await Task.sleep(for: .milliseconds(100))
            return "<p>page</p>"
        }
        try await withThrowingTaskGroup(of: String?.self) { group in
            for _ in 0..<50 { group.addTask { try await cache.page(for: .home, render: render).etag } }
            let etags = try await group.reduce(into: Set<String?>()) { $0.insert($1) }
            #expect(etags.count == 1 && etags.first! != nil)
        }
        #expect(renders.load(ordering: .relaxed) == 1)

        // A purge while nothing renders: the next reader renders again, once.
        cache.purgeAll()
        _ = try await cache.page(for: .home, render: render)
        _ = try await cache.page(for: .home, render: render)
        #expect(renders.load(ordering: .relaxed) == 2)
    }
}
