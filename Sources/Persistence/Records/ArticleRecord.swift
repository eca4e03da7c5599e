import FluentKit
import Foundation

/// A row of `articles`. The body is kept three ways: the Markdown staff edit, the HTML rendered
/// from it at save time, and plain text for the search index and word count.
public final class ArticleRecord: Model, @unchecked Sendable {
    public static let schema = "articles"

    @ID(custom: .id, generatedBy: .database) public var id: Int?
    @Field(key: "slug") public var slug: String
    @Field(key: "title") public var title: String
    @Field(key: "standfirst") public var standfirst: String
    @Field(key: "body_markdown") public var bodyMarkdown: String
    @Field(key: "body_html") public var bodyHTML: String
    @Field(key: "body_text") public var bodyText: String
    @Field(key: "word_count") public var wordCount: Int
    @Field(key: "kind") public var kind: String
    @Field(key: "status") public var status: String
    @OptionalParent(key: "section_id") public var section: SectionRecord?
    @OptionalField(key: "feature_image_path") public var featureImagePath: String?
    @OptionalField(key: "feature_image_alt") public var featureImageAlt: String?
    @OptionalField(key: "feature_image_caption") public var featureImageCaption: String?
    @OptionalField(key: "feature_image_width") public var featureImageWidth: Int?
    @OptionalField(key: "feature_image_height") public var featureImageHeight: Int?
    @OptionalField(key: "syndication_outlet") public var syndicationOutlet: String?
    @OptionalField(key: "syndication_url") public var syndicationURL: String?
    @OptionalField(key: "seo_title") public var seoTitle: String?
    @OptionalField(key: "seo_description") public var seoDescription: String?
    @Field(key: "discussion_open") public var discussionOpen: Bool
    /// "pre" or "post" when the article moderates its discussion its own way; nil follows the site.
    @OptionalField(key: "comment_mode") public var commentMode: String?
    @Field(key: "view_count") public var viewCount: Int
    @OptionalField(key: "published_at") public var publishedAt: Date?
    @OptionalField(key: "updated_at") public var updatedAt: Date?
    @Field(key: "created_at") public var createdAt: Date
    @Field(key: "version") public var version: Int
    @OptionalField(key: "feature_image_srcset") public var featureImageSrcset: String?
    @OptionalField(key: "created_by") public var createdBy: Int?

    public init() {}
}
