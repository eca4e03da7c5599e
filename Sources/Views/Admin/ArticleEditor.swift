/// Everything the editor shows: the fields as typed, what is wrong with them, the choices
/// (sections, authors, images, statuses) and where the article stands.
public struct ArticleEditorModel: Equatable, Sendable {
    public struct ImageChoice: Equatable, Sendable {
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
    public var articleID: Int?
    public var version: Int
    public var values: [String: String]
    /// The ordered byline (author ids as strings), with empty slots to add more.
    public var authorSlots: [String]
    public var errors: [String: String]
    public var conflict: String?
    public var statusOptions: [(value: String, label: String)]
    public var sectionOptions: [(value: String, label: String)]
    public var authorOptions: [(value: String, label: String)]
    public var kindOptions: [(value: String, label: String)]
    public var imageChoices: [ImageChoice]
    public var previewHTML: HTML
    /// The public site's stylesheet, so the preview looks like the article page.
    public var previewStylesheet: String
    public var previewLink: String?
    public var publicLink: String?
    public var autosaveNote: String?
    public var revisionsHref: String?
    public var lastSaved: String?

    public init(
        chrome: AdminChrome, articleID: Int?, version: Int, values: [String: String], authorSlots: [String], errors: [String: String],
        conflict: String?, statusOptions: [(value: String, label: String)], sectionOptions: [(value: String, label: String)],
        authorOptions: [(value: String, label: String)], kindOptions: [(value: String, label: String)], imageChoices: [ImageChoice],
        previewHTML: HTML, previewStylesheet: String, previewLink: String?, publicLink: String?, autosaveNote: String?,
        revisionsHref: String?, lastSaved: String?
    ) {
        self.chrome = chrome
        self.articleID = articleID
        self.version = version
        self.values = values
        self.authorSlots = authorSlots
        self.errors = errors
        self.conflict = conflict
        self.statusOptions = statusOptions
        self.sectionOptions = sectionOptions
        self.authorOptions = authorOptions
        self.kindOptions = kindOptions
        self.imageChoices = imageChoices
        self.previewHTML = previewHTML
        self.previewStylesheet = previewStylesheet
        self.previewLink = previewLink
        self.publicLink = publicLink
        self.autosaveNote = autosaveNote
        self.revisionsHref = revisionsHref
        self.lastSaved = lastSaved
    }

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.chrome == rhs.chrome && lhs.articleID == rhs.articleID && lhs.version == rhs.version && lhs.values == rhs.values
            && lhs.errors == rhs.errors && lhs.conflict == rhs.conflict && lhs.authorSlots == rhs.authorSlots
    }

    func value(_ name: String) -> String { values[name] ?? "" }
}

public enum ArticleEditorView {
    public static let fieldOrder = [
        "title", "slug", "standfirst", "body", "status", "publish_at", "kind", "section", "authors", "tags", "image", "image_caption",
        "syndication_outlet", "syndication_url", "seo_title", "seo_description",
    ]

    public static func render(_ model: ArticleEditorModel) -> HTML {
        let action = model.articleID.map { "/admin/articles/\($0)" } ?? "/admin/articles"
        let autosave = model.articleID.map { "/admin/api/articles/\($0)/autosave" } ?? "/admin/api/articles/autosave"
        let title = model.articleID == nil ? "New article" : "Edit article"
        return AdminLayout.page(
            model.chrome, title: title,
            main: """
                <div class="page-head"><h1>\(title)</h1>\
                <p class="editor__links">\(model.publicLink.map { HTML("<a href=\"\($0)\">View on site</a>") })\
                \(model.previewLink.map { HTML(" <a href=\"\($0)\" rel=\"noopener\" target=\"_blank\">Private preview link</a>") })\
                \(model.revisionsHref.map { HTML(" <a href=\"\($0)\">Revisions</a>") })</p></div>
                \(model.conflict.map { HTML("<div class=\"conflict\" role=\"alert\"><h2>Saved elsewhere in the meantime</h2><p>\($0)</p></div>") })
                \(AdminField.errorSummary(model.errors, order: fieldOrder))
                <div class="editor-layout">
                <form class="editor" method="post" action="\(action)" data-autosave="\(autosave)" data-preview="/admin/api/preview" novalidate>
                \(model.chrome.csrfField)
                <input type="hidden" name="version" value="\(model.version)">
                <div class="editor__main">
                \(AdminField.text("title", label: "Title", value: model.value("title"), error: model.errors["title"], attributes: "required maxlength=\"300\" class=\"input--title\""))
                \(AdminField.text("slug", label: "Address", value: model.value("slug"), error: model.errors["slug"], hint: "Lower-case words with hyphens; made from the title if left empty.", attributes: "maxlength=\"96\" pattern=\"[a-z0-9-]*\""))
                \(AdminField.textarea("standfirst", label: "Standfirst", value: model.value("standfirst"), error: model.errors["standfirst"], rows: 2, attributes: "maxlength=\"600\""))
                \(AdminField.textarea("body", label: "Body (Markdown)", value: model.value("body"), error: model.errors["body"], hint: "A line with only a YouTube, SoundCloud or X link becomes a click-to-load embed.", rows: 24, attributes: "class=\"input--body\" spellcheck=\"true\""))
                </div>
                <aside class="editor__side">
                <section class="panel"><h2>Publishing</h2>
                \(AdminField.select("status", label: "Status", options: model.statusOptions, selected: model.value("status"), error: model.errors["status"]))
                \(AdminField.text("publish_at", label: "Publication time", value: model.value("publish_at"), error: model.errors["publish_at"], hint: "For scheduled articles; in the site's time zone.", type: "datetime-local"))
                <p class="autosave-status" data-autosave-status role="status">\(model.autosaveNote ?? model.lastSaved.map { "Last saved \($0)." } ?? "Not saved yet.")</p>
                <button type="submit">Save</button>
                </section>
                <section class="panel"><h2>Placement</h2>
                \(AdminField.select("kind", label: "Kind", options: model.kindOptions, selected: model.value("kind")))
                \(AdminField.select("section", label: "Section", options: model.sectionOptions, selected: model.value("section"), error: model.errors["section"]))
                \(authors(model))
                \(AdminField.text("tags", label: "Tags", value: model.value("tags"), error: model.errors["tags"], hint: "Separated by commas; new tags are created."))
                </section>
                <section class="panel"><h2>Feature image</h2>
                \(images(model))
                \(AdminField.text("image_caption", label: "Caption", value: model.value("image_caption"), error: model.errors["image_caption"], attributes: "maxlength=\"300\""))
                </section>
                <section class="panel"><h2>Syndication</h2>
                \(AdminField.text("syndication_outlet", label: "First published by", value: model.value("syndication_outlet"), error: model.errors["syndication_outlet"], hint: "Leave empty for our own reporting."))
                \(AdminField.text("syndication_url", label: "Original URL (becomes the canonical URL)", value: model.value("syndication_url"), error: model.errors["syndication_url"], type: "url"))
                </section>
                <section class="panel"><h2>Search and sharing</h2>
                \(AdminField.text("seo_title", label: "SEO title", value: model.value("seo_title"), error: model.errors["seo_title"], hint: "Defaults to the title.", attributes: "maxlength=\"200\" data-counter=\"60\""))
                \(AdminField.textarea("seo_description", label: "SEO description", value: model.value("seo_description"), error: model.errors["seo_description"], hint: "Defaults to the standfirst.", rows: 3, attributes: "maxlength=\"300\" data-counter=\"160\""))
                </section>
                <section class="panel"><h2>Discussion</h2>
                \(AdminField.checkbox("discussion_open", label: "Readers may comment", checked: model.value("discussion_open") == "on"))
                </section>
                </aside>
                </form>
                \(preview(model))
                </div>
                """, bodyClass: "admin--editor")
    }

    /// The body as readers will see it, in a sandboxed frame outside the form: whatever a draft
    /// holds can neither run script, nor submit or navigate this page, nor reach its controls.
    static func preview(_ model: ArticleEditorModel) -> HTML {
        """
        <section class="editor__preview" aria-labelledby="preview-title"><h2 id="preview-title">Preview</h2>\
        <iframe class="editor__preview-frame" sandbox="" title="Preview of the body" data-preview-frame \
        srcdoc="\(EditorPreview.document(body: model.previewHTML, stylesheet: model.previewStylesheet).rendered)"></iframe></section>
        """
    }

    static func authors(_ model: ArticleEditorModel) -> HTML {
        let options = [(value: "", label: "—")] + model.authorOptions
        let slots = model.authorSlots.enumerated().map { index, selected in
            let items = options.map { option in
                HTML("<option value=\"\(option.value)\"\(HTML.when(option.value == selected) { " selected" })>\(option.label)</option>")
            }
            return HTML(
                """
                <label class="visually-hidden" for="f-author-\(index)">Author \(index + 1)</label>\
                <select id="f-author-\(index)" name="author">\(items)</select>
                """)
        }
        let error = model.errors["authors"]
        return """
            <fieldset class="field\(HTML.when(error != nil) { " field--invalid" })" id="f-authors"><legend>Byline, in order</legend>\
            \(error.map { HTML("<p class=\"field__error\">\($0)</p>") })<div class="author-slots">\(slots)</div></fieldset>
            """
    }

    static func images(_ model: ArticleEditorModel) -> HTML {
        let selected = model.value("image")
        let none = HTML(
            "<label class=\"image-choice\"><input type=\"radio\" name=\"image\" value=\"\"\(HTML.when(selected.isEmpty) { " checked" })> None</label>"
        )
        let choices = model.imageChoices.map { choice in
            HTML(
                """
                <label class="image-choice"><input type="radio" name="image" value="\(choice.id)"\(HTML.when(choice.id == selected) { " checked" })>\
                <img src="\(choice.thumbnail)" alt="" width="96" height="54" loading="lazy"> \(choice.label)</label>
                """)
        }
        let error = model.errors["image"]
        return """
            <fieldset class="field\(HTML.when(error != nil) { " field--invalid" })" id="f-image"><legend>Image</legend>\
            <p class="field__hint">Only images with alt text are offered. <a href="/admin/media">Upload or describe images</a>.</p>\
            \(error.map { HTML("<p class=\"field__error\">\($0)</p>") })<div class="image-choices">\(none)\(choices)</div></fieldset>
            """
    }
}
