import Domain
import Routes

/// An author as the byline and the bio box show them.
public struct BylineAuthorModel: Equatable, Sendable {
    public var name: String
    public var href: String
    public var title: String
    public var bio: String
    public var avatarKey: String
    public var avatarSrc: String?

    public init(name: String, href: String, title: String, bio: String, avatarKey: String, avatarSrc: String?) {
        self.name = name
        self.href = href
        self.title = title
        self.bio = bio
        self.avatarKey = avatarKey
        self.avatarSrc = avatarSrc
    }

    public init(_ author: Author) {
        self.init(
            name: author.name, href: SiteURL.author(slug: author.slug).path, title: author.title, bio: author.bio,
            avatarKey: author.slug, avatarSrc: author.avatarPath)
    }
}

/// The feature image with its caption.
public struct FigureModel: Equatable, Sendable {
    public var image: ImageModel
    public var caption: String

    public init(image: ImageModel, caption: String) {
        self.image = image
        self.caption = caption
    }
}

/// "Authored by X via Outlet", linking to the original.
public struct SyndicationModel: Equatable, Sendable {
    public var authors: String
    public var outlet: String
    public var originalURL: String

    public init(authors: String, outlet: String, originalURL: String) {
        self.authors = authors
        self.outlet = outlet
        self.originalURL = originalURL
    }
}

/// The support call-out after the body.
public struct SupportCalloutModel: Equatable, Sendable {
    public var text: String
    public var link: LinkModel

    public init(text: String, link: LinkModel) {
        self.text = text
        self.link = link
    }
}

/// Everything the article page shows, display-ready.
public struct ArticleShowModel: Equatable, Sendable {
    public var chrome: SiteChrome
    public var articleID: Int
    public var href: String
    public var canonicalURL: String
    public var title: String
    public var metaTitle: String
    public var metaDescription: String
    public var standfirst: String
    public var kindLabel: String
    public var schemaType: String
    public var section: LinkModel?
    public var authors: [BylineAuthorModel]
    public var publishedISO: String
    public var publishedText: String
    public var updatedISO: String?
    public var updatedText: String?
    public var views: String
    public var readingTime: String
    public var figure: FigureModel?
    public var body: HTML
    public var syndication: SyndicationModel?
    public var support: SupportCalloutModel?
    public var tags: [LinkModel]
    public var share: [LinkModel]
    public var discussion: DiscussionModel
    public var next: LinkModel?
    public var inlineAds: [AdModel]
    public var sidebar: SidebarModel
}

extension ArticleShowModel {
    /// Builds the page model from the article and what surrounds it.
    public init(
        article: Article, discussion: DiscussionModel, next: ArticleSummary?, trending: [TrendingItem],
        chrome: SiteChrome, settings: SiteSettings, format: DisplayFormat
    ) {
        let summary = article.summary
        let url = SiteURL.article(slug: summary.slug)
        let absolute = chrome.absolute(url)
        self.chrome = chrome
        self.articleID = summary.id.rawValue
        self.href = url.path
        self.canonicalURL = article.syndication?.originalURL ?? absolute
        self.title = summary.title
        self.metaTitle = (article.seoTitle.flatMap { $0.isEmpty ? nil : $0 } ?? summary.title) + " — " + chrome.siteTitle
        self.metaDescription =
            article.seoDescription.flatMap { $0.isEmpty ? nil : $0 }
            ?? (summary.standfirst.isEmpty ? PlainText.excerpt(PlainText.from(html: article.bodyHTML)) : summary.standfirst)
        self.standfirst = summary.standfirst
        self.kindLabel = summary.kind.label
        self.schemaType = summary.kind.schemaType
        self.section = summary.section.map { LinkModel(label: $0.name, href: SiteURL.section(slug: $0.slug).path) }
        self.authors = summary.authors.map(BylineAuthorModel.init)
        self.publishedISO = DisplayFormat.iso8601(summary.publishedAt)
        self.publishedText = format.dateTimeWithZone(summary.publishedAt)
        let updated = article.correctedAt(graceMinutes: settings.updateGraceMinutes)
        self.updatedISO = updated.map(DisplayFormat.iso8601)
        self.updatedText = updated.map(format.dateTimeWithZone)
        self.views = DisplayFormat.count(summary.viewCount, "View", "Views")
        self.readingTime = "\(summary.readingMinutes) min read"
        self.figure = summary.featureImage.map { FigureModel(image: ImageModel($0), caption: $0.caption) }
        self.body = .trusted(article.bodyHTML)
        self.syndication = article.syndication.map {
            SyndicationModel(authors: Byline.joinText(summary.authors.map(\.name)), outlet: $0.outlet, originalURL: $0.originalURL)
        }
        self.support =
            settings.supportCallout.isEmpty
            ? nil
            : SupportCalloutModel(
                text: settings.supportCallout, link: LinkModel(label: settings.supportLinkLabel, href: settings.supportLinkURL))
        self.tags = article.tags.map { LinkModel(label: $0.name, href: SiteURL.tag(slug: $0.slug).path) }
        self.share = Self.shareLinks(url: absolute, title: summary.title)
        self.discussion = discussion
        self.next = next.map { LinkModel(label: $0.title, href: SiteURL.article(slug: $0.slug).path) }
        self.inlineAds = settings.ads(for: .articleInline).map(AdModel.init)
        self.sidebar = SidebarModel(settings: settings, trending: trending, ads: .articleSidebar)
    }

    /// Share links that are plain URLs: no third-party script loads until the reader clicks.
    static func shareLinks(url: String, title: String) -> [LinkModel] {
        let u = SiteURL.encodeQueryValue(url)
        let t = SiteURL.encodeQueryValue(title)
        return [
            LinkModel(label: "X", href: "https://x.com/intent/post?url=\(u)&text=\(t)"),
            LinkModel(label: "Facebook", href: "https://www.facebook.com/sharer/sharer.php?u=\(u)"),
            LinkModel(label: "LinkedIn", href: "https://www.linkedin.com/sharing/share-offsite/?url=\(u)"),
            LinkModel(label: "WhatsApp", href: "https://wa.me/?text=\(t)%20\(u)"),
            LinkModel(label: "Email", href: "mailto:?subject=\(t)&body=\(u)"),
        ]
    }

    /// JSON-LD for the article: its schema.org type, authors, dates and publisher.
    func structuredData() -> HTML {
        var members: [(String, JSONValue)] = [
            ("@context", .string("https://schema.org")),
            ("@type", .string(schemaType)),
            ("headline", .string(title)),
            ("description", .string(metaDescription)),
            ("datePublished", .string(publishedISO)),
        ]
        if let updatedISO { members.append(("dateModified", .string(updatedISO))) }
        if let figure { members.append(("image", .array([.string(chrome.siteURL + figure.image.src)]))) }
        members += [
            ("mainEntityOfPage", .string(canonicalURL)),
            (
                "author",
                .array(
                    authors.map {
                        .object([("@type", .string("Person")), ("name", .string($0.name)), ("url", .string(chrome.siteURL + $0.href))])
                    })
            ),
            (
                "publisher",
                .object([
                    ("@type", .string("NewsMediaOrganization")), ("name", .string(chrome.siteTitle)),
                    ("url", .string(chrome.siteURL + "/")),
                ])
            ),
        ]
        return JSONLD.script(.object(members))
    }
}
