import Foundation

/// An image shown at the top of an article, with the text that describes it.
public struct FeatureImage: Equatable, Hashable, Sendable, Codable {
    /// Site-relative path ("/media/ab12….svg").
    public var path: String
    public var alt: String
    public var caption: String
    public var width: Int
    public var height: Int
    /// Resized copies for `srcset` ("/media/ab-480.jpg 480w, /media/ab-960.jpg 960w"); may be empty.
    public var srcset: String

    public init(path: String, alt: String, caption: String, width: Int = 1200, height: Int = 675, srcset: String = "") {
        self.path = path
        self.alt = alt
        self.caption = caption
        self.width = width
        self.height = height
        self.srcset = srcset
    }
}

/// Where a syndicated article first appeared; its URL becomes the canonical URL.
public struct Syndication: Equatable, Hashable, Sendable, Codable {
    public var outlet: String
    public var originalURL: String

    public init(outlet: String, originalURL: String) {
        self.outlet = outlet
        self.originalURL = originalURL
    }
}

/// The fields every article view needs: enough for a card in a listing.
public struct ArticleSummary: Equatable, Hashable, Sendable {
    public typealias ID = EntityID<Article>
    public var id: ID
    public var slug: String
    public var title: String
    public var standfirst: String
    public var kind: ArticleKind
    public var section: Section?
    public var authors: [Author]
    public var publishedAt: Date
    public var featureImage: FeatureImage?
    public var viewCount: Int
    public var wordCount: Int

    public init(
        id: ID, slug: String, title: String, standfirst: String, kind: ArticleKind, section: Section?,
        authors: [Author], publishedAt: Date, featureImage: FeatureImage?, viewCount: Int, wordCount: Int
    ) {
        self.id = id
        self.slug = slug
        self.title = title
        self.standfirst = standfirst
        self.kind = kind
        self.section = section
        self.authors = authors
        self.publishedAt = publishedAt
        self.featureImage = featureImage
        self.viewCount = viewCount
        self.wordCount = wordCount
    }

    public var readingMinutes: Int { ReadingTime.minutes(forWords: wordCount) }
}

/// A whole article as the public article page shows it.
public struct Article: Equatable, Sendable {
    public typealias ID = EntityID<Article>
    public var summary: ArticleSummary
    /// Body HTML, rendered from Markdown when the article was saved.
    public var bodyHTML: String
    public var tags: [Tag]
    public var status: ArticleStatus
    /// Set when a published article was corrected after publication.
    public var updatedAt: Date?
    public var syndication: Syndication?
    public var seoTitle: String?
    public var seoDescription: String?
    public var discussionOpen: Bool
    /// The article's own moderation, when it differs from the site's.
    public var commentMode: ModerationPolicy.Mode?

    public init(
        summary: ArticleSummary, bodyHTML: String, tags: [Tag], status: ArticleStatus, updatedAt: Date?,
        syndication: Syndication?, seoTitle: String? = nil, seoDescription: String? = nil, discussionOpen: Bool,
        commentMode: ModerationPolicy.Mode? = nil
    ) {
        self.commentMode = commentMode
        self.summary = summary
        self.bodyHTML = bodyHTML
        self.tags = tags
        self.status = status
        self.updatedAt = updatedAt
        self.syndication = syndication
        self.seoTitle = seoTitle
        self.seoDescription = seoDescription
        self.discussionOpen = discussionOpen
    }

    public var id: ID { summary.id }
    public var slug: String { summary.slug }
    public var title: String { summary.title }

    /// When the "Updated" line shows its time: the body was corrected after publication, more
    /// than `graceMinutes` later (the site's setting, 0 by default: every correction shows).
    public func correctedAt(graceMinutes: Int) -> Date? {
        guard let updatedAt, updatedAt.timeIntervalSince(summary.publishedAt) > Double(max(0, graceMinutes) * 60) else { return nil }
        return updatedAt
    }
}
