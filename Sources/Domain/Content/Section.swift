/// A section of the site ("News", "Analysis"): a navigation entry and a listing.
public struct Section: Equatable, Hashable, Sendable, Codable {
    public typealias ID = EntityID<Section>
    public var id: ID
    public var name: String
    public var slug: String
    public var position: Int
    public var description: String
    /// Whether the section appears in the site's navigation bar.
    public var inNavigation: Bool

    public init(id: ID, name: String, slug: String, position: Int, description: String, inNavigation: Bool = true) {
        self.id = id
        self.name = name
        self.slug = slug
        self.position = position
        self.description = description
        self.inNavigation = inNavigation
    }
}
