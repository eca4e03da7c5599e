import Domain
import FluentKit
import Foundation
import Persistence
import SQLKit
import TestSupport
import Testing
import Views

@Suite("Storing and reading articles")
struct ArticleStoreTests {
    let start = TestClock.start

    @Test("An article reads back with ordered bylines, tags, section and rendered body")
    func roundTrip() async throws {
        try await withDatabase { db, _ in
            let section = try await Fixtures.section("Analysis", on: db)
            let zoe = try await Fixtures.author("Zoe Adams", on: db)
            let ana = try await Fixtures.author("Ana Ruiz", on: db)
            try await Fixtures.article(
                "Why rents rose", body: "## Background\n\nRents **rose**.", section: section, authors: [zoe, ana],
                tags: ["Housing", "Data", "housing"], kind: .analysis, publishedAt: start,
                syndication: Syndication(outlet: "Valley Review", originalURL: "https://valley.example/rents"), on: db)

            let article = try #require(try await ArticleStore.published(slug: "why-rents-rose", on: db))
            #expect(article.summary.authors.map(\.name) == ["Zoe Adams", "Ana Ruiz"])
            #expect(article.tags.map(\.name) == ["Data", "Housing"])
            #expect(article.summary.section == section)
            #expect(article.summary.kind == .analysis)
            #expect(article.bodyHTML.contains("<strong>rose</strong>"))
            #expect(article.syndication?.originalURL == "https://valley.example/rents")
            #expect(article.summary.publishedAt.timeIntervalSince1970 == start.timeIntervalSince1970)
        }
    }

    @Test("The front page's lists: the newest stories, then each section's newest that are not among them, in one query")
    func frontPage() async throws {
        try await withDatabase { db, _ in
            let news = try await Fixtures.section("News", on: db)
            let sport = try await Fixtures.section("Sport", position: 1, on: db)
            let arts = try await Fixtures.section("Arts", position: 2, on: db)
            let quiet = try await Fixtures.section("Quiet", position: 3, on: db)
            let ana = try await Fixtures.author("Ana Ruiz", on: db)
            let tom = try await Fixtures.author("Tom O'Neil", on: db)
            // Eleven news stories, then six sport and two arts ones, interleaved in time, and a draft.
            for index in 0..<19 {
                let section = index < 11 ? news : index < 17 ? sport : arts
                try await Fixtures.article(
                    "Story \(index)", section: section, authors: index % 2 == 0 ? [ana, tom] : [tom],
                    publishedAt: start.addingTimeInterval(Double((index * 7) % 19) * 3600), on: db)
            }
            try await Fixtures.article("Unpublished", section: arts, authors: [ana], status: .draft, publishedAt: start, on: db)

            let page = try await ArticleStore.frontPage(top: 7, perSection: 4, sections: [news.id, sport.id, arts.id, quiet.id], on: db)
            // The same lists as reading each one on its own.
            let top = try await ArticleStore.published(.all, page: .init(number: 1, size: 7), on: db).items
            #expect(page.top == top)
            for section in [news, sport, arts] {
                let alone = try await ArticleStore.published(
                    .section(section.id), page: .init(number: 1, size: 4), excluding: top.map(\.id), on: db)
                #expect(page.sections[section.id] ?? [] == alone.items, "\(section.name)")
            }
            #expect(page.sections[quiet.id] == nil)
            #expect(page.top.allSatisfy { !$0.authors.isEmpty }, "bylines are loaded")
            #expect(!(page.top + page.sections.values.flatMap { $0 }).contains { $0.title == "Unpublished" })
            // A section left out of the list is not read.
            let fewer = try await ArticleStore.frontPage(top: 3, perSection: 2, sections: [sport.id], on: db)
            #expect(fewer.top.count == 3 && Set(fewer.sections.keys) == [sport.id] && fewer.sections[sport.id]?.count == 2)
            #expect(try await ArticleStore.frontPage(top: 3, perSection: 2, sections: [], on: db).sections.isEmpty)
        }
    }

    @Test("Slugs are unique: a second article with the same one is refused and nothing is half-written")
    func slugConflict() async throws {
        try await withDatabase { db, _ in
            let (section, author) = try await Fixtures.newsroom(articles: 0, on: db)
            try await Fixtures.article("Budget day", section: section, authors: [author], publishedAt: start, on: db)
            await #expect(throws: DomainError.conflict("Another article already uses the address “budget-day”.")) {
                try await Fixtures.article("Budget day", section: section, authors: [author], tags: ["New tag"], publishedAt: start, on: db)
            }
            #expect(try await ArticleStore.published(.all, page: .init(number: 1, size: 10), on: db).totalCount == 1)
            #expect(try await TagStore.find(slug: "new-tag", on: db) == nil)
        }
    }

    @Test("Only published articles are public, newest first, with filters and counts")
    func listings() async throws {
        try await withDatabase { db, _ in
            let news = try await Fixtures.section("News", on: db)
            let culture = try await Fixtures.section("Culture", position: 1, on: db)
            let ana = try await Fixtures.author("Ana Ruiz", on: db)
            let tom = try await Fixtures.author("Tom Ng", on: db)
            try await Fixtures.article(
                "Old news", section: news, authors: [ana], tags: ["River"], publishedAt: start.addingTimeInterval(-7200), on: db)
            try await Fixtures.article("New news", section: news, authors: [tom], publishedAt: start.addingTimeInterval(-3600), on: db)
            try await Fixtures.article("A concert", section: culture, authors: [ana, tom], tags: ["River"], publishedAt: start, on: db)
            try await Fixtures.article("Secret draft", section: news, authors: [ana], status: .draft, publishedAt: start, on: db)
            try await Fixtures.article(
                "Tomorrow", section: news, authors: [ana], status: .scheduled, publishedAt: start.addingTimeInterval(86400), on: db)

            let page = ListingPage(number: 1, size: 10)
            let all = try await ArticleStore.published(.all, page: page, on: db)
            #expect(all.items.map(\.title) == ["A concert", "New news", "Old news"])
            #expect(
                try await ArticleStore.published(.section(news.id), page: page, on: db).items.map(\.title) == ["New news", "Old news"])
            #expect(
                try await ArticleStore.published(.author(ana.id), page: page, on: db).items.map(\.title) == ["A concert", "Old news"])
            let river = try #require(try await TagStore.find(slug: "river", on: db))
            #expect(try await ArticleStore.published(.tag(river.id), page: page, on: db).totalCount == 2)
            #expect(try await ArticleStore.published(slug: "secret-draft", on: db) == nil)

            let second = try await ArticleStore.published(.all, page: ListingPage(number: 2, size: 2), on: db)
            #expect(second.items.map(\.title) == ["Old news"])
            #expect(second.pageCount == 2 && !second.hasNext)
        }
    }

    @Test("Continue Reading picks the next older article in the same section, then anywhere")
    func nextArticle() async throws {
        try await withDatabase { db, _ in
            let news = try await Fixtures.section("News", on: db)
            let culture = try await Fixtures.section("Culture", position: 1, on: db)
            let ana = try await Fixtures.author(on: db)
            try await Fixtures.article(
                "Oldest culture", section: culture, authors: [ana], publishedAt: start.addingTimeInterval(-9000), on: db)
            try await Fixtures.article("Older news", section: news, authors: [ana], publishedAt: start.addingTimeInterval(-7200), on: db)
            try await Fixtures.article(
                "Culture piece", section: culture, authors: [ana], publishedAt: start.addingTimeInterval(-3600), on: db)
            try await Fixtures.article("Latest news", section: news, authors: [ana], publishedAt: start, on: db)
            // A time finer than a microsecond (as SQLite keeps it) comes back rounded up: the article
            // must still not become its own successor.
            try await #require(db as? any SQLDatabase).raw(
                "UPDATE articles SET published_at = \(bind: start.addingTimeInterval(0.723_998_7)) WHERE slug = 'latest-news'"
            ).run()

            let latest = try #require(try await ArticleStore.published(slug: "latest-news", on: db))
            #expect(try await ArticleStore.next(after: latest.summary, on: db)?.title == "Older news")
            let older = try #require(try await ArticleStore.published(slug: "older-news", on: db))
            #expect(try await ArticleStore.next(after: older.summary, on: db)?.title == "Oldest culture")
            let oldest = try #require(try await ArticleStore.published(slug: "oldest-culture", on: db))
            #expect(try await ArticleStore.next(after: oldest.summary, on: db) == nil)
        }
    }

    @Test("Scheduled articles whose time has passed are published, the rest wait")
    func publishDue() async throws {
        try await withDatabase { db, _ in
            let (section, author) = try await Fixtures.newsroom(articles: 0, on: db)
            try await Fixtures.article(
                "Was due", section: section, authors: [author], status: .scheduled, publishedAt: start.addingTimeInterval(-60), on: db)
            try await Fixtures.article(
                "Not yet", section: section, authors: [author], status: .scheduled, publishedAt: start.addingTimeInterval(60), on: db)
            #expect(try await ArticleStore.publishDue(now: start, on: db) == 1)
            #expect(try await ArticleStore.published(slug: "was-due", on: db) != nil)
            #expect(try await ArticleStore.published(slug: "not-yet", on: db) == nil)
            #expect(try await ArticleStore.publishDue(now: start, on: db) == 0)
        }
    }

    @Test("Correcting a published article records the update time; the first publication does not")
    func updatedAt() async throws {
        try await withDatabase { db, _ in
            let (section, author) = try await Fixtures.newsroom(articles: 0, on: db)
            let id = try await Fixtures.article("Correction", section: section, authors: [author], publishedAt: start, on: db)
            #expect(try await ArticleStore.find(id, on: db)?.updatedAt == nil)
            let draft = ArticleDraft(
                slug: "correction", title: "Correction", standfirst: "Fixed.", bodyMarkdown: "Right figures.",
                sectionID: section.id, authorIDs: [author.id], publishedAt: start)
            let later = start.addingTimeInterval(3600)
            try await ArticleStore.update(id, with: draft, body: BodyRenderer.render(markdown: "Right figures."), now: later, on: db)
            let article = try #require(try await ArticleStore.find(id, on: db))
            #expect(article.updatedAt?.timeIntervalSince1970 == later.timeIntervalSince1970)
            #expect(article.correctedAt(graceMinutes: 0) != nil)
            #expect(article.correctedAt(graceMinutes: 60) == nil, "within a grace period of an hour")
            #expect(article.summary.publishedAt.timeIntervalSince1970 == start.timeIntervalSince1970)

            // A minute after publishing counts too; a save that leaves the text alone does not.
            let second = try await Fixtures.article("Quick fix", section: section, authors: [author], publishedAt: start, on: db)
            var fixed = ArticleDraft(
                slug: "quick-fix", title: "Quick fix", standfirst: "A short summary.", bodyMarkdown: "Some words about the town, fixed.",
                sectionID: section.id, authorIDs: [author.id], publishedAt: start)
            let minute = start.addingTimeInterval(60)
            try await ArticleStore.update(second, with: fixed, body: BodyRenderer.render(markdown: fixed.bodyMarkdown), now: minute, on: db)
            #expect(
                try await ArticleStore.find(second, on: db)?.correctedAt(graceMinutes: 0)?.timeIntervalSince1970
                    == minute.timeIntervalSince1970)
            fixed.tagNames = ["Council"]
            try await ArticleStore.update(
                second, with: fixed, body: BodyRenderer.render(markdown: fixed.bodyMarkdown), now: minute.addingTimeInterval(3600), on: db)
            #expect(try await ArticleStore.find(second, on: db)?.updatedAt?.timeIntervalSince1970 == minute.timeIntervalSince1970)
        }
    }
}
