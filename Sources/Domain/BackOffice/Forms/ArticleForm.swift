import Foundation

/// The article editor's form: every field as typed, so a mistake never loses work. `validate`
/// checks what needs no storage (lengths, formats, what the role may do, dates); the app adds
/// what does (a free address, sections, authors and images that still exist) and builds the draft.
public struct ArticleForm: Equatable, Sendable {
    public enum Field: String, FormField, CaseIterable {
        case title, slug, standfirst, body, status
        case publishAt = "publish_at"
        case kind, section
        case authors = "author"
        case tags, image
        case imageCaption = "image_caption"
        case syndicationOutlet = "syndication_outlet"
        case syndicationURL = "syndication_url"
        case seoTitle = "seo_title"
        case seoDescription = "seo_description"
        case discussionOpen = "discussion_open"
        case commentMode = "comment_mode"
        case version
    }

    /// The feature-image choice meaning "keep the image the article has, which is not in the
    /// media library" (imported articles).
    public static let currentImage = "current"

    public var title = ""
    public var slug = ""
    public var standfirst = ""
    public var body = ""
    public var status = ArticleStatus.draft.rawValue
    /// A `datetime-local` value in the site's time zone.
    public var publishAt = ""
    public var kind = ArticleKind.news.rawValue
    public var section = ""
    /// The byline, in order, as author ids (each once).
    public var authors: [String] = []
    public var tags = ""
    /// A media id, `currentImage`, or empty for none.
    public var image = ""
    public var imageCaption = ""
    public var syndicationOutlet = ""
    public var syndicationURL = ""
    public var seoTitle = ""
    public var seoDescription = ""
    public var discussionOpen = true
    /// "" for the site's moderation, or a mode.
    public var commentMode = ""
    /// The version the form was opened at (autosave and save refuse to overwrite a newer one).
    public var version = 0

    /// A blank form for a new article, with `author` in the byline.
    public init(newBy author: Author.ID?) {
        authors = author.map { [$0.description] } ?? []
    }

    /// The fields of a submitted form.
    public init(_ form: some FormValues) {
        title = form.trimmed(Field.title)
        slug = form.trimmed(Field.slug)
        standfirst = form.trimmed(Field.standfirst)
        body = form[Field.body]
        status = form.trimmed(Field.status)
        publishAt = form.trimmed(Field.publishAt)
        kind = form.trimmed(Field.kind)
        section = form.trimmed(Field.section)
        authors = Self.unique(form.all(Field.authors).filter { !$0.isEmpty })
        tags = form.trimmed(Field.tags)
        image = form.trimmed(Field.image)
        imageCaption = form.trimmed(Field.imageCaption)
        syndicationOutlet = form.trimmed(Field.syndicationOutlet)
        syndicationURL = form.trimmed(Field.syndicationURL)
        seoTitle = form.trimmed(Field.seoTitle)
        seoDescription = form.trimmed(Field.seoDescription)
        discussionOpen = form.isChecked(Field.discussionOpen)
        commentMode = form.trimmed(Field.commentMode)
        version = Int(form[Field.version]) ?? -1
    }

    /// The fields of a stored article; `imageID` is its feature image's media id (see `image`).
    public init(_ article: EditableArticle, clock: LocalClock, imageID: String) {
        let draft = article.draft
        title = draft.title
        slug = draft.slug
        standfirst = draft.standfirst
        body = draft.bodyMarkdown
        status = draft.status.rawValue
        publishAt = draft.publishedAt.map(clock.inputValue) ?? ""
        kind = draft.kind.rawValue
        section = draft.sectionID?.description ?? ""
        authors = draft.authorIDs.map(\.description)
        tags = draft.tagNames.joined(separator: ", ")
        image = imageID
        imageCaption = draft.featureImage?.caption ?? ""
        syndicationOutlet = draft.syndication?.outlet ?? ""
        syndicationURL = draft.syndication?.originalURL ?? ""
        seoTitle = draft.seoTitle ?? ""
        seoDescription = draft.seoDescription ?? ""
        discussionOpen = draft.discussionOpen
        commentMode = draft.commentMode?.rawValue ?? ""
        version = article.version
    }

    /// The ids in order, each at its first place.
    static func unique(_ ids: [String]) -> [String] {
        var seen = Set<String>()
        return ids.filter { seen.insert($0).inserted }
    }

    /// The address to use: the one typed, or one made from the title.
    public var effectiveSlug: String { slug.isEmpty ? Slug.make(from: title) : slug }
    public var parsedStatus: ArticleStatus { ArticleStatus(rawValue: status) ?? .draft }
    public var parsedKind: ArticleKind { ArticleKind(rawValue: kind) ?? .news }
    public var sectionID: Section.ID? { Int(section).map(Section.ID.init) }
    public var authorIDs: [Author.ID] { authors.compactMap { Int($0) }.map(Author.ID.init) }
    public var imageID: MediaItem.ID? { Int(image).map(MediaItem.ID.init) }
    public var tagNames: [String] {
        tags.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
