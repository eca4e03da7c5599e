import Domain
import FluentKit

/// A row of `tags`.
public final class TagRecord: Model, @unchecked Sendable {
    public static let schema = "tags"

    @ID(custom: .id, generatedBy: .database) public var id: Int?
    @Field(key: "name") public var name: String
    @Field(key: "slug") public var slug: String

    public init() {}

    public init(name: String, slug: String) {
        self.name = name
        self.slug = slug
    }

    func domain() throws -> Tag {
        Tag(id: .init(try requireID()), name: name, slug: slug)
    }
}
