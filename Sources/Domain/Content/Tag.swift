/// A free-form topic label on articles.
public struct Tag: Equatable, Hashable, Sendable, Codable {
    public typealias ID = EntityID<Tag>
    public var id: ID
    public var name: String
    public var slug: String

    public init(id: ID, name: String, slug: String) {
        self.id = id
        self.name = name
        self.slug = slug
    }
}
