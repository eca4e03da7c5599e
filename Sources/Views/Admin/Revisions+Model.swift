import Domain
import Routes

public struct RevisionRowModel: Equatable, Sendable {
    public var article: Article.ID
    public var id: Revision.ID
    public var version: Int
    public var savedAt: String
    public var savedBy: String
    public var kind: String
    public var title: String

    public init(article: Article.ID, id: Revision.ID, version: Int, savedAt: String, savedBy: String, kind: String, title: String) {
        self.article = article
        self.id = id
        self.version = version
        self.savedAt = savedAt
        self.savedBy = savedBy
        self.kind = kind
        self.title = title
    }
}

/// A field that differs between a revision and the current article.
public struct FieldChange: Equatable, Sendable {
    public var field: String
    public var before: String
    public var after: String

    public init(field: String, before: String, after: String) {
        self.field = field
        self.before = before
        self.after = after
    }
}
