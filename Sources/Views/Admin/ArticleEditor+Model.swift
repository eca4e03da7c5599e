import Domain
import Routes

/// Everything the editor shows: the form as typed, what is wrong with it, the choices
/// (sections, authors, images, statuses) and where the article stands.
public struct ArticleEditorModel: Equatable, Sendable {
    public struct ImageChoice: Equatable, Sendable {
        /// A media id, or `ArticleForm.currentImage`.
        public var id: String
        public var label: String
        public var thumbnail: String

        public init(id: String, label: String, thumbnail: String) {
            self.id = id
            self.label = label
            self.thumbnail = thumbnail
        }
    }

    public var chrome: AdminChrome
    /// nil for a new article.
    public var articleID: Article.ID?
    public var form: ArticleForm
    public var errors: FormErrors<ArticleForm.Field>
    public var conflict: String?
    public var statusOptions: [SelectOption]
    public var sectionOptions: [SelectOption]
    public var authorOptions: [SelectOption]
    /// The feature image chosen now, shown beside the picker; nil for none.
    public var featureImage: ImageChoice?
    public var previewHTML: HTML
    /// The public site's stylesheet, so the preview looks like the article page.
    public var previewStylesheet: String
    /// The signed private preview address, for saved articles.
    public var previewLink: SiteURL?
    public var publicLink: SiteURL?
    public var autosaveNote: String?
    public var lastSaved: String?

    public init(
        chrome: AdminChrome, articleID: Article.ID?, form: ArticleForm, errors: FormErrors<ArticleForm.Field>, conflict: String?,
        statusOptions: [SelectOption], sectionOptions: [SelectOption], authorOptions: [SelectOption], featureImage: ImageChoice?,
        previewHTML: HTML, previewStylesheet: String, previewLink: SiteURL?, publicLink: SiteURL?, autosaveNote: String?, lastSaved: String?
    ) {
        self.chrome = chrome
        self.articleID = articleID
        self.form = form
        self.errors = errors
        self.conflict = conflict
        self.statusOptions = statusOptions
        self.sectionOptions = sectionOptions
        self.authorOptions = authorOptions
        self.featureImage = featureImage
        self.previewHTML = previewHTML
        self.previewStylesheet = previewStylesheet
        self.previewLink = previewLink
        self.publicLink = publicLink
        self.autosaveNote = autosaveNote
        self.lastSaved = lastSaved
    }

    var kindOptions: [SelectOption] { ArticleKind.allCases.map { SelectOption(value: $0.rawValue, label: $0.label) } }
}
