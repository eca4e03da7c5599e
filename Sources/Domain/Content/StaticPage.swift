import Foundation

/// A page outside the news flow: About, Donate, Privacy.
public struct StaticPage: Equatable, Sendable {
    public typealias ID = EntityID<StaticPage>
    public var id: ID
    public var slug: String
    public var title: String
    public var bodyHTML: String
    public var updatedAt: Date

    public init(id: ID, slug: String, title: String, bodyHTML: String, updatedAt: Date) {
        self.id = id
        self.slug = slug
        self.title = title
        self.bodyHTML = bodyHTML
        self.updatedAt = updatedAt
    }
}
