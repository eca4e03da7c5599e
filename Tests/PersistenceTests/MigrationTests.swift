import App
import Domain
import FluentKit
import Persistence
import SQLKit
import TestSupport
import Testing

@Suite("Migrations")
struct MigrationTests {
    @Test("Migrate, revert everything, migrate again: the schema comes back whole")
    func roundTrip() async throws {
        try await withDatabase { db, service in
            let section = try await Fixtures.section(on: db)
            #expect(try await ContentQueries.sections(on: db) == [section])

            try await service.revertAll()
            await #expect(throws: (any Error).self) { _ = try await ContentQueries.sections(on: db) }

            try await service.migrate()
            #expect(try await ContentQueries.sections(on: db).isEmpty)
            let (_, author) = try await Fixtures.newsroom(articles: 2, on: db)
            let found = try await SearchQueries.search(.init("story"), page: .init(number: 1, size: 10), on: db)
            #expect(found.totalCount == 2)
            #expect(found.items.first?.authors == [author])
        }
    }

    @Test("Running the migrations twice changes nothing")
    func idempotent() async throws {
        try await withDatabase { db, service in
            try await Fixtures.newsroom(articles: 1, on: db)
            try await service.migrate()
            #expect(try await ArticleQueries.published(.all, page: .init(number: 1, size: 5), on: db).totalCount == 1)
        }
    }
}
