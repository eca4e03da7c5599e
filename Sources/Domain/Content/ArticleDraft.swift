import Foundation

/// Everything needed to create or replace an article, as an editor (or the importer, or the sample
/// newsroom) supplies it. The stored HTML is derived from `bodyMarkdown` when it is saved.
public struct ArticleDraft: Equatable, Sendable, Codable {
    public var slug: String
    public var title: String
    public var standfirst: String
    public var bodyMarkdown: String
    public var kind: ArticleKind
    public var status: ArticleStatus
    public var sectionID: Section.ID?
    public var authorIDs: [Author.ID]
    public var tagNames: [String]
    public var featureImage: FeatureImage?
    public var syndication: Syndication?
    public var seoTitle: String?
    public var seoDescription: String?
    public var discussionOpen: Bool
    public var commentMode: ModerationPolicy.Mode?
    public var publishedAt: Date?

    public init(
        slug: String, title: String, standfirst: String, bodyMarkdown: String, kind: ArticleKind = .news,
        status: ArticleStatus = .published, sectionID: Section.ID?, authorIDs: [Author.ID], tagNames: [String] = [],
        featureImage: FeatureImage? = nil, syndication: Syndication? = nil, seoTitle: String? = nil,
        seoDescription: String? = nil, discussionOpen: Bool = true, commentMode: ModerationPolicy.Mode? = nil, publishedAt: Date?
    ) {
        self.commentMode = commentMode
        self.slug = slug
        self.title = title
        self.standfirst = standfirst
        self.bodyMarkdown = bodyMarkdown
        self.kind = kind
        self.status = status
        self.sectionID = sectionID
        self.authorIDs = authorIDs
        self.tagNames = tagNames
        self.featureImage = featureImage
        self.syndication = syndication
        self.seoTitle = seoTitle
        self.seoDescription = seoDescription
        self.discussionOpen = discussionOpen
        self.publishedAt = publishedAt
    }

    /// Checks the rules every saved article must meet, naming the field at fault.
    public func validate() throws(DomainError) {
        if title.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw .invalidInput(field: "title", message: "An article needs a title.")
        }
        if title.count > 300 {
            throw .invalidInput(field: "title", message: "The title is longer than 300 characters.")
        }
        guard Slug.isValid(slug) else {
            throw .invalidInput(
                field: "slug", message: "The slug may only hold lower-case letters, digits and hyphens.")
        }
        if let syndication, !syndication.originalURL.hasPrefix("https://") && !syndication.originalURL.hasPrefix("http://") {
            throw .invalidInput(field: "syndication", message: "The original URL must start with http:// or https://.")
        }
        if status == .scheduled && publishedAt == nil {
            throw .invalidInput(field: "publishedAt", message: "A scheduled article needs a publication time.")
        }
    }
}
