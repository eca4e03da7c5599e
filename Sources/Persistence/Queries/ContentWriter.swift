import Domain
import FluentKit
import Foundation

/// Creates the content around articles: sections, authors, tags, static pages, comments.
public enum ContentWriter {
    public static func createSection(name: String, slug: String, position: Int, description: String, on db: any Database) async throws
        -> Section
    {
        let record = SectionRecord(name: name, slug: slug, position: position, description: description)
        try await record.create(on: db)
        return try record.domain()
    }

    public static func createAuthor(name: String, slug: String, title: String, bio: String, on db: any Database) async throws -> Author {
        let record = AuthorRecord(name: name, slug: slug, title: title, bio: bio)
        try await record.create(on: db)
        return try record.domain()
    }

    /// The tag with this name, created if it does not exist yet; nil for a name without letters.
    public static func tag(named name: String, on db: any Database) async throws -> Tag? {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return nil }
        let slug = Slug.make(from: trimmed)
        if let existing = try await TagRecord.query(on: db).filter(\.$slug == slug).first() {
            return try existing.domain()
        }
        let record = TagRecord(name: String(trimmed.prefix(60)), slug: slug)
        try await record.create(on: db)
        return try record.domain()
    }

    public static func createPage(slug: String, title: String, markdown: String, body: RenderedBody, now: Date, on db: any Database)
        async throws
    {
        try await PageRecord(slug: slug, title: title, bodyMarkdown: markdown, bodyHTML: body.html, published: true, updatedAt: now)
            .create(on: db)
    }

    /// Stores a comment as given (the discussion rules decide its status before this is called).
    public static func createComment(
        article: Article.ID, parent: Comment.ID?, authorName: String, authorEmail: String, isGuest: Bool,
        markdown: String, html: String, status: CommentStatus, networkHash: String?, at createdAt: Date,
        on db: any Database
    ) async throws -> Comment.ID {
        let record = CommentRecord()
        record.$article.id = article.rawValue
        record.$parent.id = parent?.rawValue
        record.authorName = authorName
        record.authorEmail = authorEmail
        record.isGuest = isGuest
        record.bodyMarkdown = markdown
        record.bodyHTML = html
        record.status = status.rawValue
        record.networkHash = networkHash
        record.createdAt = createdAt
        try await record.create(on: db)
        return .init(try record.requireID())
    }
}
