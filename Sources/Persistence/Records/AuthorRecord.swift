import Domain
import FluentKit

/// A row of `authors`: a public byline profile.
public final class AuthorRecord: Model, @unchecked Sendable {
    public static let schema = "authors"

    @ID(custom: .id, generatedBy: .database) public var id: Int?
    @Field(key: "name") public var name: String
    @Field(key: "slug") public var slug: String
    @Field(key: "title") public var title: String
    @Field(key: "bio") public var bio: String
    @OptionalField(key: "avatar_path") public var avatarPath: String?

    public init() {}

    public init(name: String, slug: String, title: String, bio: String, avatarPath: String? = nil) {
        self.name = name
        self.slug = slug
        self.title = title
        self.bio = bio
        self.avatarPath = avatarPath
    }

    func domain() throws -> Author {
        Author(id: .init(try requireID()), name: name, slug: slug, title: title, bio: bio, avatarPath: avatarPath)
    }
}
