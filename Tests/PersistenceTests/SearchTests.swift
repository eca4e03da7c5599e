import Domain
import FluentKit
import Persistence
import TestSupport
import Testing

/// Full-text search runs different SQL on SQLite (FTS5) and PostgreSQL (tsvector); this suite
/// runs on whichever the test run targets, and CI runs it on both.
@Suite("Full-text search")
struct SearchTests {
    let page = ListingPage(number: 1, size: 10)

    func seed(_ db: any Database) async throws {
        let (section, author) = try await Fixtures.newsroom(articles: 0, on: db)
        let at = TestClock.start
        try await Fixtures.article(
            "Bridge repairs begin", body: "Engineers closed the bridge for repairs to its bearings.", standfirst: "Traffic diverted.",
            section: section, authors: [author], publishedAt: at.addingTimeInterval(-300), on: db)
        try await Fixtures.article(
            "Council budget", body: "The budget mentions a bridge once, among many other spending lines and libraries.",
            section: section, authors: [author], publishedAt: at, on: db)
        try await Fixtures.article(
            "Library hours", body: "The libraries will open longer.", standfirst: "Good news for readers.",
            section: section, authors: [author], publishedAt: at.addingTimeInterval(-600), on: db)
        try await Fixtures.article(
            "Hidden bridge draft", body: "bridge bridge bridge", section: section, authors: [author], status: .draft,
            publishedAt: at, on: db)
    }

    @Test("A match in the title ranks above a passing mention in the body; drafts never show")
    func ranking() async throws {
        try await withDatabase { db, _ in
            try await seed(db)
            let result = try await SearchStore.search(SearchQuery("bridge"), page: page, on: db)
            #expect(result.items.map(\.title) == ["Bridge repairs begin", "Council budget"])
            #expect(result.totalCount == 2)
        }
    }

    @Test("Words are stemmed and the last word may be unfinished")
    func stemmingAndPrefix() async throws {
        try await withDatabase { db, _ in
            try await seed(db)
            #expect(
                try await SearchStore.search(SearchQuery("library"), page: page, on: db).items.map(\.title) == [
                    "Library hours", "Council budget",
                ])
            #expect(try await SearchStore.search(SearchQuery("engin"), page: page, on: db).items.map(\.title) == ["Bridge repairs begin"])
            #expect(
                try await SearchStore.search(SearchQuery("bridge budget"), page: page, on: db).items.map(\.title) == ["Council budget"])
        }
    }

    @Test(
        "Hostile or odd input never fails a search",
        arguments: [
            "\"", "bridge\" OR \"", "*", "NEAR(", "'); DROP TABLE articles; --", "a:b & !c | d", "ünïcödé", "日本語", "",
        ])
    func hostileInput(input: String) async throws {
        try await withDatabase { db, _ in
            try await seed(db)
            _ = try await SearchStore.search(SearchQuery(input), page: page, on: db)
            #expect(try await ArticleStore.published(.all, page: page, on: db).totalCount == 3)
        }
    }

    @Test("A changed title is found under its new words, not its old ones")
    func indexFollowsEdits() async throws {
        try await withDatabase { db, _ in
            let (section, author) = try await Fixtures.newsroom(articles: 0, on: db)
            let id = try await Fixtures.article(
                "Ferry timetable", section: section, authors: [author], publishedAt: TestClock.start, on: db)
            let draft = ArticleDraft(
                slug: "ferry-timetable", title: "Harbour timetable", standfirst: "", bodyMarkdown: "Times.",
                sectionID: section.id, authorIDs: [author.id], publishedAt: TestClock.start)
            try await ArticleStore.update(
                id, with: draft, body: .init(html: "<p>Times.</p>", text: "Times.", wordCount: 1), now: TestClock.start, on: db)
            #expect(try await SearchStore.search(SearchQuery("harbour"), page: page, on: db).totalCount == 1)
            #expect(try await SearchStore.search(SearchQuery("ferry"), page: page, on: db).totalCount == 0)
        }
    }
}
