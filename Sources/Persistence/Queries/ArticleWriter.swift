import Domain
import FluentKit
import Foundation

/// Saves articles: the row, its ordered bylines and its tags, in one transaction.
public enum ArticleWriter {
    /// Creates an article from a validated draft whose body was rendered by the caller.
    public static func create(
        _ draft: ArticleDraft, body: RenderedBody, now: Date, on db: any Database
    ) async throws -> Article.ID {
        try draft.validate()
        return try await db.transaction { tx in
            if try await ArticleRecord.query(on: tx).filter(\.$slug == draft.slug).count() > 0 {
                throw DomainError.conflict("Another article already uses the address “\(draft.slug)”.")
            }
            let record = ArticleRecord()
            record.createdAt = now
            record.viewCount = 0
            apply(draft, body: body, to: record, now: now, isNew: true)
            try await record.create(on: tx)
            let id = try record.requireID()
            try await replaceLinks(articleID: id, draft: draft, on: tx)
            return Article.ID(id)
        }
    }

    /// Replaces an article's content. A change to a published article records the correction
    /// time, which the page shows as "Updated".
    public static func update(
        _ id: Article.ID, with draft: ArticleDraft, body: RenderedBody, now: Date, on db: any Database
    ) async throws {
        try draft.validate()
        try await db.transaction { tx in
            guard let record = try await ArticleRecord.find(id.rawValue, on: tx) else {
                throw DomainError.notFound("That article no longer exists.")
            }
            if try await ArticleRecord.query(on: tx).filter(\.$slug == draft.slug).filter(\.$id != id.rawValue).count() > 0 {
                throw DomainError.conflict("Another article already uses the address “\(draft.slug)”.")
            }
            apply(draft, body: body, to: record, now: now, isNew: false)
            try await record.update(on: tx)
            try await replaceLinks(articleID: id.rawValue, draft: draft, on: tx)
        }
    }

    /// Whether an article already has this slug.
    public static func slugExists(_ slug: String, on db: any Database) async throws -> Bool {
        try await ArticleRecord.query(on: db).filter(\.$slug == slug).count() > 0
    }

    static func apply(_ draft: ArticleDraft, body: RenderedBody, to record: ArticleRecord, now: Date, isNew: Bool) {
        let wasPublished = !isNew && record.$status.value == ArticleStatus.published.rawValue
        record.slug = draft.slug
        record.title = draft.title.trimmingCharacters(in: .whitespacesAndNewlines)
        record.standfirst = draft.standfirst.trimmingCharacters(in: .whitespacesAndNewlines)
        record.bodyMarkdown = draft.bodyMarkdown
        record.bodyHTML = body.html
        record.bodyText = body.text
        record.wordCount = body.wordCount
        record.kind = draft.kind.rawValue
        record.status = draft.status.rawValue
        record.$section.id = draft.sectionID?.rawValue
        record.featureImagePath = draft.featureImage?.path
        record.featureImageAlt = draft.featureImage?.alt
        record.featureImageCaption = draft.featureImage?.caption
        record.featureImageWidth = draft.featureImage?.width
        record.featureImageHeight = draft.featureImage?.height
        record.syndicationOutlet = draft.syndication?.outlet
        record.syndicationURL = draft.syndication?.originalURL
        record.seoTitle = draft.seoTitle
        record.seoDescription = draft.seoDescription
        record.discussionOpen = draft.discussionOpen
        if draft.status == .published || draft.status == .scheduled {
            record.publishedAt = draft.publishedAt ?? (isNew ? nil : record.publishedAt) ?? now
        } else {
            record.publishedAt = draft.publishedAt
        }
        if wasPublished && draft.status == .published { record.updatedAt = now }
    }

    /// Rewrites the bylines and tags of an article; tags are created on the fly by name.
    static func replaceLinks(articleID: Int, draft: ArticleDraft, on db: any Database) async throws {
        try await ArticleAuthorRecord.query(on: db).filter(\.$article.$id == articleID).delete()
        var seenAuthors = Set<Author.ID>()
        for (position, author) in draft.authorIDs.enumerated() where seenAuthors.insert(author).inserted {
            try await ArticleAuthorRecord(articleID: articleID, authorID: author.rawValue, position: position).create(on: db)
        }
        try await ArticleTagRecord.query(on: db).filter(\.$article.$id == articleID).delete()
        var seenTags = Set<Int>()
        for name in draft.tagNames {
            let tag = try await ContentWriter.tag(named: name, on: db)
            if let id = tag?.id.rawValue, seenTags.insert(id).inserted {
                try await ArticleTagRecord(articleID: articleID, tagID: id).create(on: db)
            }
        }
    }
}
