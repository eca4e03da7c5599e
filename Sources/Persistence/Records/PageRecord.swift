import Domain
import FluentKit
import Foundation

/// A row of `pages`: a static page.
public final class PageRecord: Model, @unchecked Sendable {
    public static let schema = "pages"

    @ID(custom: .id, generatedBy: .database) public var id: Int?
    @Field(key: "slug") public var slug: String
    @Field(key: "title") public var title: String
    @Field(key: "body_markdown") public var bodyMarkdown: String
    @Field(key: "body_html") public var bodyHTML: String
    @Field(key: "published") public var published: Bool
    @Field(key: "updated_at") public var updatedAt: Date

    public init() {}

    public init(slug: String, title: String, bodyMarkdown: String, bodyHTML: String, published: Bool, updatedAt: Date) {
        self.slug = slug
        self.title = title
        self.bodyMarkdown = bodyMarkdown
        self.bodyHTML = bodyHTML
        self.published = published
        self.updatedAt = updatedAt
    }

    func domain() throws -> StaticPage {
        StaticPage(id: .init(try requireID()), slug: slug, title: title, bodyHTML: bodyHTML, updatedAt: updatedAt)
    }
}
