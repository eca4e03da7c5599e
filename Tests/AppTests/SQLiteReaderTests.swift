import Domain
import FluentKit
import Foundation
import Persistence
import SQLKit
import TestSupport
import Testing

@testable import App

/// The public pages' SQLite reader (`SQLiteReader`): the same rows as the writer's connection,
/// the writer's commits visible at once, and nothing but reads.
@Suite("SQLite page reader", .enabled(if: !TestDatabase.isPostgres, "PostgreSQL has no page reader: its pages read through the pool"))
struct SQLiteReaderTests {
    @Test("Reads through the reader give what the writer's connection gives, and see each commit at once")
    func sameRowsAndFreshCommits() async throws {
        let app = try await TestApp.make()
        defer { Task { try? await app.cleanUp() } }
        let db = try app.db()
        _ = try await Fixtures.newsroom(articles: 3, on: db)
        let reads = try app.services.pageReads()
        #expect(reads is SQLiteReader)

        let viaWriter = try #require(try await ArticleStore.publishedWithNext(slug: "story-number-2", on: db))
        let viaReader = try #require(try await ArticleStore.publishedWithNext(slug: "story-number-2", on: reads))
        #expect(viaReader.0 == viaWriter.0)
        #expect(viaReader.next == viaWriter.next && viaReader.next != nil)

        // A commit on the writer shows on the very next read (same statement, kept prepared).
        try await (db as! any SQLDatabase).raw("UPDATE articles SET title = 'Retitled' WHERE slug = 'story-number-2'").run()
        #expect(try await ArticleStore.publishedWithNext(slug: "story-number-2", on: reads)?.0.title == "Retitled")
        // Many reads at once share a few connections and all succeed.
        let titles = try await withThrowingTaskGroup(of: String?.self) { group in
            for _ in 0..<32 { group.addTask { try await ArticleStore.publishedWithNext(slug: "story-number-2", on: reads)?.0.title } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(titles == Array(repeating: "Retitled", count: 32))
    }

    @Test("The reader refuses writes and Fluent's model queries with an error instead of touching anything")
    func readsOnly() async throws {
        let app = try await TestApp.make()
        defer { Task { try? await app.cleanUp() } }
        _ = try await Fixtures.newsroom(articles: 1, on: try app.db())
        let reads = try app.services.pageReads()
        await #expect(throws: SQLiteReaderError.self) {
            try await (reads as! any SQLDatabase).raw("UPDATE articles SET title = 'Defaced'").run()
        }
        await #expect(throws: SQLiteReaderError.self) { _ = try await SectionStore.all(on: reads) }
        await #expect(throws: SQLiteReaderError.self) { try await (reads as! any SQLDatabase).raw("SELECT nothing FROM nowhere").run() }
        #expect(try await ArticleStore.publishedWithNext(slug: "story-number-1", on: try app.db())?.0.title != "Defaced")
    }

    @Test("BLOB columns come back byte for byte, as bytes or decoded")
    func blobs() async throws {
        let app = try await TestApp.make()
        defer { Task { try? await app.cleanUp() } }
        _ = try await Fixtures.newsroom(articles: 1, on: try app.db())
        let reads = try app.services.pageReads() as! any SQLDatabase
        let query: SQLQueryString = "SELECT 7 AS n, CAST('card ▲' AS BLOB) AS card, X'00FF10' AS other, NULL AS none"
        let row = try #require(try await reads.raw(query).first() as? any SQLBytesRow)
        #expect(row.bytes(column: "card") == Array("card ▲".utf8))
        #expect(row.bytes(column: "other") == [0x00, 0xFF, 0x10])
        #expect(try row.decode(column: "card", as: Data.self) == Data("card ▲".utf8))
        #expect(try row.decode(column: "other", as: Data.self) == Data([0x00, 0xFF, 0x10]))
        #expect(try !row.decodeNil(column: "card") && !row.decodeNil(column: "other") && row.decodeNil(column: "none"))
        #expect(try row.decode(column: "n", as: Int.self) == 7)
        #expect(row.bytes(column: "n") == nil && row.bytes(column: "none") == nil)
    }

    @Test("Columns are found by name whatever order they are asked in, the first of a repeated name winning")
    func columnLookups() {
        let columns = ReaderColumns(["id", "name", "id", "score"])
        // In order, twice (as rows are read), asking for one again, out of order, and missing.
        for _ in 0..<2 {
            #expect(columns.offset(of: "id") == 0)
            #expect(columns.offset(of: "name") == 1)
            #expect(columns.offset(of: "name") == 1)
            #expect(columns.offset(of: "id") == 0)
            #expect(columns.offset(of: "score") == 3)
        }
        #expect(columns.offset(of: "score") == 3)
        #expect(columns.offset(of: "name") == 1)
        #expect(columns.offset(of: "missing") == nil)
        #expect(columns.offset(of: "id") == 0)
    }
}
