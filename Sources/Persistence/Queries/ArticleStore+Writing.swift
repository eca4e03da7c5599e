import Domain
import FluentKit
import Foundation

/// Saves articles: the row, its ordered bylines, its tags and a revision, in one transaction.
/// Every article carries a version; a save based on an older version is refused with an
/// `EditConflict` instead of silently overwriting the newer one.
extension ArticleStore {
    /// Creates an article from a validated draft whose body was rendered by the caller.
    public static func create(
        _ draft: ArticleDraft, body: RenderedBody, now: Date, by user: StaffMember? = nil, on db: any Database
    ) async throws -> Article.ID {
        try draft.validate()
        return try await db.transaction { tx in
            if try await ArticleRecord.query(on: tx).filter(\.$slug == draft.slug).count() > 0 {
                throw DomainError.conflict("Another article already uses the address “\(draft.slug)”.")
            }
            let record = ArticleRecord()
            record.createdAt = now
            record.viewCount = 0
            record.version = 1
            record.createdBy = user?.id.rawValue
            apply(draft, body: body, to: record, now: now, isNew: true)
            try await record.create(on: tx)
            let id = try record.requireID()
            try await replaceLinks(articleID: id, draft: draft, on: tx)
            try await RevisionStore.add(.init(id), version: 1, kind: .save, draft: draft, by: user, now: now, on: tx)
            return Article.ID(id)
        }
    }

    /// Replaces an article's content and records a revision. With `expectedVersion`, the save is
    /// refused if the article changed since that version. A change to a published article
    /// records the correction time, which the page shows as "Updated". Returns the new version.
    @discardableResult
    public static func update(
        _ id: Article.ID, with draft: ArticleDraft, body: RenderedBody, now: Date, expectedVersion: Int? = nil,
        by user: StaffMember? = nil, on db: any Database
    ) async throws -> Int {
        try draft.validate()
        return try await db.transaction { tx in
            let record = try await lockedRecord(id, expectedVersion: expectedVersion, on: tx)
            try await write(draft, body: body, to: record, now: now, on: tx)
            try await RevisionStore.add(id, version: record.version, kind: .save, draft: draft, by: user, now: now, on: tx)
            try await RevisionStore.dropAutosave(of: id, on: tx)
            return record.version
        }
    }

    /// Keeps work in progress every few seconds. Unpublished articles are saved in place (without
    /// a revision of their own); changes to a published article are kept aside as its autosave,
    /// so half-finished edits never reach readers. Conflicts are detected as for `update`.
    /// Returns the version the editor continues from.
    public static func autosave(
        _ id: Article.ID, with draft: ArticleDraft, body: RenderedBody, now: Date, expectedVersion: Int,
        by user: StaffMember, on db: any Database
    ) async throws -> Int {
        try await db.transaction { tx in
            let record = try await lockedRecord(id, expectedVersion: expectedVersion, on: tx)
            if record.status == ArticleStatus.published.rawValue || record.status == ArticleStatus.scheduled.rawValue {
                try await RevisionStore.replaceAutosave(of: id, version: record.version, draft: draft, by: user, now: now, on: tx)
                return record.version
            }
            try draft.validate()
            try await write(draft, body: body, to: record, now: now, on: tx)
            return record.version
        }
    }

    /// Writes a new version of a locked article: its address must stay free of other articles.
    static func write(_ draft: ArticleDraft, body: RenderedBody, to record: ArticleRecord, now: Date, on tx: any Database) async throws {
        let id = try record.requireID()
        if try await ArticleRecord.query(on: tx).filter(\.$slug == draft.slug).filter(\.$id != id).count() > 0 {
            throw DomainError.conflict("Another article already uses the address “\(draft.slug)”.")
        }
        let slug = record.slug
        apply(draft, body: body, to: record, now: now, isNew: false)
        record.version += 1
        try await record.update(on: tx)
        if record.slug != slug { try await CommentStore.dropCards(article: .init(id), on: tx) }
        try await replaceLinks(articleID: id, draft: draft, on: tx)
    }

    /// Changes only the status (publish, unpublish, schedule from the list), with a revision.
    public static func setStatus(
        _ id: Article.ID, to status: ArticleStatus, publishAt: Date?, now: Date, by user: StaffMember?, on db: any Database
    ) async throws {
        guard let current = try await ArticleStore.editable(id, on: db) else {
            throw DomainError.notFound("That article no longer exists.")
        }
        var draft = current.draft
        draft.status = status
        if let publishAt { draft.publishedAt = publishAt }
        try await update(
            id, with: draft, body: RenderedBodyCache.stored(id, on: db) ?? .init(html: "", text: "", wordCount: 0), now: now,
            expectedVersion: current.version, by: user, on: db)
    }

    /// Whether an article already has this slug (other than `except`).
    public static func slugExists(_ slug: String, except: Article.ID? = nil, on db: any Database) async throws -> Bool {
        let query = ArticleRecord.query(on: db).filter(\.$slug == slug)
        if let except { query.filter(\.$id != except.rawValue) }
        return try await query.count() > 0
    }

    /// The row, checked against the version the editor started from.
    static func lockedRecord(_ id: Article.ID, expectedVersion: Int?, on db: any Database) async throws -> ArticleRecord {
        guard let record = try await ArticleRecord.find(id.rawValue, on: db) else {
            throw DomainError.notFound("That article no longer exists.")
        }
        if let expectedVersion, record.version != expectedVersion {
            let last = try await RevisionStore.latestSave(of: id, on: db)
            throw EditConflict(
                currentVersion: record.version, attemptedVersion: expectedVersion, savedAt: last?.createdAt,
                savedBy: last?.savedBy)
        }
        return record
    }

    static func apply(_ draft: ArticleDraft, body: RenderedBody, to record: ArticleRecord, now: Date, isNew: Bool) {
        let wasPublished = !isNew && record.$status.value == ArticleStatus.published.rawValue
        let bodyChanged = record.$bodyHTML.value != body.html
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
        record.featureImageSrcset = draft.featureImage?.srcset
        record.syndicationOutlet = draft.syndication?.outlet
        record.syndicationURL = draft.syndication?.originalURL
        record.seoTitle = draft.seoTitle
        record.seoDescription = draft.seoDescription
        record.discussionOpen = draft.discussionOpen
        record.commentMode = draft.commentMode?.rawValue
        if draft.status == .published || draft.status == .scheduled {
            record.publishedAt = draft.publishedAt ?? (isNew ? nil : record.publishedAt) ?? now
        } else {
            record.publishedAt = draft.publishedAt
        }
        // A correction is a change to what readers read; a new tag or section is not.
        if wasPublished && draft.status == .published && bodyChanged { record.updatedAt = now }
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
            let tag = try await TagStore.findOrCreate(named: name, on: db)
            if let id = tag?.id.rawValue, seenTags.insert(id).inserted {
                try await ArticleTagRecord(articleID: articleID, tagID: id).create(on: db)
            }
        }
    }
}

/// The body as stored, for saves that change only the status.
enum RenderedBodyCache {
    static func stored(_ id: Article.ID, on db: any Database) async throws -> RenderedBody? {
        guard let record = try await ArticleRecord.find(id.rawValue, on: db) else { return nil }
        return RenderedBody(html: record.bodyHTML, text: record.bodyText, wordCount: record.wordCount)
    }
}
