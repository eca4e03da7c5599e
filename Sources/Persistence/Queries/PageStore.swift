import Domain
import FluentKit
import Foundation

/// Static pages (about, donate, privacy).
public enum PageStore {
    /// A published static page by slug.
    public static func find(slug: String, on db: any Database) async throws -> StaticPage? {
        try await PageRecord.query(on: db).filter(\.$slug == slug).filter(\.$published == true).first()?.domain()
    }

    public static func create(slug: String, title: String, markdown: String, body: RenderedBody, now: Date, on db: any Database)
        async throws
    {
        try await PageRecord(slug: slug, title: title, bodyMarkdown: markdown, bodyHTML: body.html, published: true, updatedAt: now)
            .create(on: db)
    }
}
