import Domain
import FluentKit
import Logging
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

    @Test("A restart on a migrated database runs no migration again and keeps every row")
    func restart() async throws {
        let database = try await TestDatabase.make()
        do {
            try await restart(database)
            try await database.drop()
        } catch {
            try? await database.drop()
            throw error
        }
    }

    func restart(_ database: TestDatabase) async throws {
        var logger = Logger(label: "test")
        logger.logLevel = .warning
        let first = try DatabaseService(url: database.url, siteURL: "https://news.example.org", logger: logger)
        try await first.migrate()
        let db = try first.db
        try await Fixtures.newsroom(articles: 3, on: db)
        let log = try await Self.migrationLog(on: db)
        let schema = try await Self.schema(on: db)
        #expect(!log.isEmpty && Set(log.map(\.name)).count == log.count, "each migration is recorded once")
        await first.shutdown()

        // As the next start of the server does: a new process, the same file or server.
        let second = try DatabaseService(url: database.url, siteURL: "https://news.example.org", logger: logger)
        try await second.migrate()
        let again = try second.db
        #expect(try await Self.migrationLog(on: again) == log, "no migration ran a second time")
        #expect(try await Self.schema(on: again) == schema)
        #expect(try await ArticleStore.published(.all, page: .init(number: 1, size: 5), on: again).totalCount == 3)
        await second.shutdown()
    }

    @Test("Starting says in one line that the database is ready; each migration's lines are only for debugging")
    func quietStart() async throws {
        let database = try await TestDatabase.make()
        let logs = CapturedLogs()
        do {
            let service = try DatabaseService(url: database.url, siteURL: "https://news.example.org", logger: logs.logger(level: .info))
            if TestDatabase.isPostgres {
                try await service.revertAll()  // the test database is a migrated copy
            }
            try await service.migrate()
            try await service.migrate()
            await service.shutdown()
            let count = GazetteMigrations.all(renderers: .current(siteURL: "")).count
            #expect(
                logs.all.filter { $0.level >= .info }.map(\.message) == [
                    "Database ready (\(count) migrations, \(count) applied now)", "Database ready (\(count) migrations)",
                ])
            let verbose = CapturedLogs()
            let debugging = try DatabaseService(
                url: database.url, siteURL: "https://news.example.org", logger: verbose.logger(level: .debug))
            try await debugging.revertAll()
            try await debugging.migrate()
            await debugging.shutdown()
            #expect(verbose.all.contains { $0.message.contains("Starting prepare") })
            try await database.drop()
        } catch {
            try? await database.drop()
            throw error
        }
    }

    struct LoggedMigration: Decodable, Equatable {
        let name: String
        let batch: Int
    }

    /// Fluent's record of what has run, in order.
    static func migrationLog(on db: any Database) async throws -> [LoggedMigration] {
        try await db.sql().raw("SELECT name, batch FROM _fluent_migrations ORDER BY name").all(decoding: LoggedMigration.self)
    }

    struct Column: Decodable, Equatable {
        let table: String
        let column: String
        let type: String
    }

    /// Every table's columns, as the database describes them.
    static func schema(on db: any Database) async throws -> [Column] {
        let sql = try db.sql()
        if sql.dialect.name == "sqlite" {
            return try await sql.raw(
                """
                SELECT m.name AS "table", p.name AS "column", p.type AS "type"
                FROM sqlite_master m, pragma_table_info(m.name) p WHERE m.type = 'table' ORDER BY 1, 2
                """
            ).all(decoding: Column.self)
        }
        return try await sql.raw(
            """
            SELECT table_name AS "table", column_name AS "column", data_type AS "type"
            FROM information_schema.columns WHERE table_schema = 'public' ORDER BY 1, 2
            """
        ).all(decoding: Column.self)
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
