import Domain
import FluentKit

/// A row of `sections`.
public final class SectionRecord: Model, @unchecked Sendable {
    public static let schema = "sections"

    @ID(custom: .id, generatedBy: .database) public var id: Int?
    @Field(key: "name") public var name: String
    @Field(key: "slug") public var slug: String
    @Field(key: "position") public var position: Int
    @Field(key: "description") public var description: String
    @Field(key: "in_navigation") public var inNavigation: Bool

    public init() {}

    public init(name: String, slug: String, position: Int, description: String) {
        self.name = name
        self.slug = slug
        self.position = position
        self.description = description
        self.inNavigation = true
    }

    func domain() throws -> Section {
        Section(
            id: .init(try requireID()), name: name, slug: slug, position: position, description: description,
            inNavigation: inNavigation)
    }
}
