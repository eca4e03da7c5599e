import FluentKit

/// A row of `article_authors`: one byline on one article, in byline order.
public final class ArticleAuthorRecord: Model, @unchecked Sendable {
    public static let schema = "article_authors"

    @ID(custom: .id, generatedBy: .database) public var id: Int?
    @Parent(key: "article_id") public var article: ArticleRecord
    @Parent(key: "author_id") public var author: AuthorRecord
    @Field(key: "position") public var position: Int

    public init() {}

    public init(articleID: Int, authorID: Int, position: Int) {
        self.$article.id = articleID
        self.$author.id = authorID
        self.position = position
    }
}

/// A row of `article_tags`.
public final class ArticleTagRecord: Model, @unchecked Sendable {
    public static let schema = "article_tags"

    @ID(custom: .id, generatedBy: .database) public var id: Int?
    @Parent(key: "article_id") public var article: ArticleRecord
    @Parent(key: "tag_id") public var tag: TagRecord

    public init() {}

    public init(articleID: Int, tagID: Int) {
        self.$article.id = articleID
        self.$tag.id = tagID
    }
}
