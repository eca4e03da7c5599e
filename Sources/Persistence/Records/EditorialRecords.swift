import FluentKit
import Foundation

/// A row of `article_revisions`: the article as it was after one save (or the latest autosave).
public final class RevisionRecord: Model, @unchecked Sendable {
    public static let schema = "article_revisions"

    @ID(custom: .id, generatedBy: .database) public var id: Int?
    @Parent(key: "article_id") public var article: ArticleRecord
    @Field(key: "version") public var version: Int
    /// "save" or "autosave".
    @Field(key: "kind") public var kind: String
    @Field(key: "title") public var title: String
    @Field(key: "body_markdown") public var bodyMarkdown: String
    /// Every other field of the draft, as JSON.
    @Field(key: "content") public var content: String
    @OptionalField(key: "user_id") public var userID: Int?
    @Field(key: "created_at") public var createdAt: Date

    public init() {}
}

/// A row of `media`: an uploaded image and its resized copies.
public final class MediaRecord: Model, @unchecked Sendable {
    public static let schema = "media"

    @ID(custom: .id, generatedBy: .database) public var id: Int?
    @Field(key: "file_name") public var fileName: String
    @Field(key: "original_name") public var originalName: String
    @Field(key: "format") public var format: String
    @Field(key: "width") public var width: Int
    @Field(key: "height") public var height: Int
    @Field(key: "bytes") public var bytes: Int
    /// "width:file" pairs separated by commas ("480:ab12-480.jpg,960:ab12-960.jpg").
    @Field(key: "variants") public var variants: String
    @Field(key: "alt") public var alt: String
    @Field(key: "caption") public var caption: String
    @OptionalField(key: "uploaded_by") public var uploadedBy: Int?
    @Field(key: "created_at") public var createdAt: Date

    public init() {}
}
