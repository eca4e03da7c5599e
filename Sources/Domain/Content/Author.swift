/// A byline: the public profile of someone who writes for the site.
public struct Author: Equatable, Hashable, Sendable, Codable {
    public typealias ID = EntityID<Author>
    public var id: ID
    public var name: String
    public var slug: String
    /// Job title shown under the name ("Science correspondent"); may be empty.
    public var title: String
    public var bio: String
    /// Site-relative path of an uploaded portrait; `nil` shows a generated initials avatar.
    public var avatarPath: String?

    public init(id: ID, name: String, slug: String, title: String = "", bio: String, avatarPath: String? = nil) {
        self.id = id
        self.name = name
        self.slug = slug
        self.title = title
        self.bio = bio
        self.avatarPath = avatarPath
    }
}
