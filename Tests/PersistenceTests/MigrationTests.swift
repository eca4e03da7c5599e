import Domain
import FluentKit
import Persistence
import SQLKit
import TestSupport
import Testing

@testable import App
@testable import Persistence

@Suite("Migrations")
struct MigrationTests {
    @Test("Migrate, revert everything, migrate again: the schema comes back whole")
    func roundTrip() async throws {
        try await withDatabase { db, service in
            let section = try await Fixtures.section(on: db)
            #expect(try await SectionStore.all(on: db) == [section])

            try await service.revertAll()
            await #expect(throws: (any Error).self) { _ = try await SectionStore.all(on: db) }

            try await service.migrate()
            #expect(try await SectionStore.all(on: db).isEmpty)
            let (_, author) = try await Fixtures.newsroom(articles: 2, on: db)
            let found = try await SearchStore.search(.init("story"), page: .init(number: 1, size: 10), on: db)
            #expect(found.totalCount == 2)
            #expect(found.items.first?.authors == [author])
        }
    }

    @Test("Running the migrations twice changes nothing")
    func idempotent() async throws {
        try await withDatabase { db, service in
            try await Fixtures.newsroom(articles: 1, on: db)
            try await service.migrate()
            #expect(try await ArticleStore.published(.all, page: .init(number: 1, size: 5), on: db).totalCount == 1)
        }
    }

    @Test("Bodies stored before the sanitiser are rendered again from their Markdown, on both databases")
    func resanitise() async throws {
        try await withDatabase { db, service in
            let (section, author) = try await Fixtures.newsroom(articles: 1, on: db)
            let hostile =
                "Intro.\n\n<script>alert(1)</script><img src=x onerror=alert(1)>\n\n[x](https://example.com\" onmouseover=\"alert(1))"
            let id = try await Fixtures.article(
                "Old body", body: hostile, section: section, authors: [author], publishedAt: TestClock.start, on: db)
            try await PageStore.create(
                slug: "old-page", title: "Old", markdown: hostile, body: RenderedBody(html: "<script>x</script>", text: "", wordCount: 0),
                now: TestClock.start, on: db)
            let newsletter = try await NewsletterStore.create(
                .init(name: "Old editions", description: "", senderName: "", schedule: .manual, sectionIDs: [], isDefault: true),
                now: TestClock.start,
                on: db)
            let edition = try await EditionStore.create(
                .init(
                    subject: "Old", markdown: "[site](/about/)\n\n<iframe src=x></iframe>", bodyHTML: "<iframe src=x></iframe>",
                    bodyText: ""),
                newsletter: newsletter, kind: .manual, createdBy: nil, now: TestClock.start, on: db)
            let sql = try db.sql()
            // As an older version stored it: Ink's output as it came.
            try await sql.raw("UPDATE articles SET body_html = '<script>alert(1)</script><p>Intro.</p>' WHERE id = \(bind: id.rawValue)")
                .run()

            try await ResanitizeStoredBodies(renderers: .current(siteURL: "https://news.example.org")).prepare(on: db)

            let article = try #require(try await ArticleStore.find(id, on: db)).bodyHTML
            #expect(article.contains("<p>Intro.</p>"))
            let attributes = HTMLTokenizer(article).flatMap { token -> [String] in
                guard case .start(_, let attributes) = token else { return [] }
                return attributes.map(\.name)
            }
            #expect(!article.contains("<script") && !attributes.contains { $0.hasPrefix("on") })
            let page = try #require(try await PageStore.find(slug: "old-page", on: db)).bodyHTML
            #expect(page.contains("Intro.") && !page.contains("<script"))
            let stored = try #require(try await EditionStore.find(edition, on: db))
            #expect(!stored.bodyHTML.contains("<iframe"))
            #expect(stored.bodyHTML.contains("href=\"https://news.example.org/about/\""))
            _ = service
        }
    }
}
