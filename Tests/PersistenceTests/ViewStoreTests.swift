import Domain
import FluentKit
import Foundation
import Persistence
import TestSupport
import Testing

@Suite("View counts in storage")
struct ViewStoreTests {
    @Test("A visitor hash is counted once, across batches; buckets and totals agree")
    func countsOnce() async throws {
        try await withDatabase { db, _ in
            let (section, author) = try await Fixtures.newsroom(articles: 0, on: db)
            let id = try await Fixtures.article("Counted", section: section, authors: [author], publishedAt: TestClock.start, on: db)
            let view = { (hash: String) in PendingView(visitorHash: hash, articleID: id, day: "2026-11-24", hour: 498_756) }

            #expect(try await ViewStore.record([view("a"), view("b"), view("a")], on: db) == [id: 2])
            #expect(try await ViewStore.record([view("a"), view("c")], on: db) == [id: 1])

            #expect(try await ArticleStore.find(id, on: db)?.summary.viewCount == 3)
            #expect(try await ViewStore.hourly(since: 498_700, on: db) == [HourlyViews(articleID: id, hour: 498_756, views: 3)])
            let daily = try await ViewStore.dailyTotals(since: "2026-11-01", on: db)
            #expect(daily.map(\.day) == ["2026-11-24"] && daily.map(\.views) == [3])
        }
    }

    @Test("The daily salt is created once and shared")
    func salt() async throws {
        try await withDatabase { db, _ in
            let first = try await ViewStore.salt(for: "2026-11-24", on: db)
            #expect(try await ViewStore.salt(for: "2026-11-24", on: db) == first)
            #expect(try await ViewStore.salt(for: "2026-11-25", on: db) != first)
            #expect(first.count >= 32)
        }
    }

    @Test("Old salts, visitor hashes and hourly buckets are forgotten; daily totals stay")
    func purge() async throws {
        try await withDatabase { db, _ in
            let (section, author) = try await Fixtures.newsroom(articles: 0, on: db)
            let id = try await Fixtures.article("Purged", section: section, authors: [author], publishedAt: TestClock.start, on: db)
            let oldSalt = try await ViewStore.salt(for: "2026-11-20", on: db)
            try await ViewStore.record([PendingView(visitorHash: "old", articleID: id, day: "2026-11-20", hour: 100)], on: db)
            try await ViewStore.purge(before: "2026-11-23", hoursBefore: 200, on: db)

            #expect(try await ViewStore.salt(for: "2026-11-20", on: db) != oldSalt)
            #expect(try await ViewStore.hourly(since: 0, on: db).isEmpty)
            #expect(try await ViewStore.dailyTotals(since: "2026-11-01", on: db).map(\.views) == [1])
            // The visitor hash is gone too, so the same hash counts again (it can no longer be recomputed anyway).
            #expect(
                try await ViewStore.record([PendingView(visitorHash: "old", articleID: id, day: "2026-11-24", hour: 300)], on: db) == [
                    id: 1
                ])
        }
    }
}
