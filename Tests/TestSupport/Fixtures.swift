import Domain
import FluentKit
import Foundation
import Persistence
import Views

/// Factories for content with sensible defaults; each returns what it stored.
public enum Fixtures {
    public static func section(_ name: String = "News", position: Int = 0, on db: any Database) async throws -> Section {
        try await SectionStore.create(
            name: name, slug: Slug.make(from: name), position: position, description: "All about \(name).", on: db)
    }

    public static func author(_ name: String = "Ana Ruiz", on db: any Database) async throws -> Author {
        try await AuthorStore.create(
            name: name, slug: Slug.make(from: name), title: "Reporter", bio: "\(name) reports on the town.", on: db)
    }

    @discardableResult
    public static func article(
        _ title: String, body: String = "Some words about the town.", standfirst: String = "A short summary.",
        section: Section?, authors: [Author], tags: [String] = [], status: ArticleStatus = .published,
        kind: ArticleKind = .news, publishedAt: Date, syndication: Syndication? = nil, discussionOpen: Bool = true,
        on db: any Database
    ) async throws -> Article.ID {
        let draft = ArticleDraft(
            slug: Slug.make(from: title), title: title, standfirst: standfirst, bodyMarkdown: body, kind: kind,
            status: status, sectionID: section?.id, authorIDs: authors.map(\.id), tagNames: tags,
            syndication: syndication, discussionOpen: discussionOpen, publishedAt: publishedAt)
        return try await ArticleStore.create(draft, body: BodyRenderer.render(markdown: body), now: publishedAt, on: db)
    }

    @discardableResult
    public static func comment(
        on article: Article.ID, by name: String = "Reader", text: String = "Well said.", parent: Comment.ID? = nil,
        status: CommentStatus = .approved, at: Date, on db: any Database
    ) async throws -> Comment.ID {
        try await CommentStore.create(
            article: article, parent: parent, authorName: name, authorEmail: "\(Slug.make(from: name))@example.org",
            isGuest: true, body: CommentText.render(text), status: status, networkHash: nil, at: at, on: db)
    }

    /// A small newsroom: one section, one author and `count` published articles an hour apart
    /// (the newest first, an hour before the test clock's start).
    public static func newsroom(articles count: Int, on db: any Database) async throws -> (Section, Author) {
        let section = try await section(on: db)
        let author = try await author(on: db)
        for index in 0..<count {
            try await article(
                "Story number \(index + 1)", section: section, authors: [author],
                publishedAt: TestClock.start.addingTimeInterval(-Double(count - index) * 3600), on: db)
        }
        return (section, author)
    }
}
