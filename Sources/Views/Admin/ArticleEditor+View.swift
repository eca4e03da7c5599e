import Domain
import Routes

public enum ArticleEditorView {
    typealias Field = ArticleForm.Field

    public static func render(_ model: ArticleEditorModel) -> HTML {
        let title = model.articleID == nil ? "New article" : "Edit article"
        let form = model.form
        let errors = model.errors
        func text(_ field: Field, _ value: String, _ label: String, hint: String? = nil, type: String = "text", attributes: HTML = .empty)
            -> HTML
        {
            AdminField.text(field, label: label, value: value, error: errors[field], hint: hint, type: type, attributes: attributes)
        }
        return AdminLayout.page(
            model.chrome, title: title,
            main: """
                <div class="page-head"><h1>\(title)</h1>\
                <p class="editor__links">\(model.publicLink.map { HTML("<a href=\"\($0)\">View on site</a>") })\
                \(model.previewLink.map { HTML(" <a href=\"\($0)\" rel=\"noopener\" target=\"_blank\">Private preview link</a>") })\
                \(model.articleID.map { HTML(" <a href=\"\(AdminURL.articleRevisions($0))\">Revisions</a>") })</p></div>
                \(model.conflict.map { HTML("<div class=\"conflict\" role=\"alert\"><h2>Saved elsewhere in the meantime</h2><p>\($0)</p></div>") })
                \(AdminField.errorSummary(errors))
                <div class="editor-layout">
                <form class="editor" method="post" action="\(AdminURL.article(model.articleID))" data-autosave="\(AdminURL.autosave(model.articleID))" data-preview="\(AdminURL.preview)" novalidate>
                \(model.chrome.csrfField)
                \(AdminField.hidden(Field.version, value: String(form.version)))
                <div class="editor__main">
                \(text(.title, form.title, "Title", attributes: "required maxlength=\"300\" class=\"input--title\""))
                \(text(.slug, form.slug, "Address", hint: "Lower-case words with hyphens; made from the title if left empty.", attributes: "maxlength=\"96\" pattern=\"[a-z0-9-]*\""))
                \(AdminField.textarea(Field.standfirst, label: "Standfirst", value: form.standfirst, error: errors[.standfirst], rows: 2, attributes: "maxlength=\"600\""))
                \(AdminField.textarea(Field.body, label: "Body (Markdown)", value: form.body, error: errors[.body], hint: "A line with only a YouTube, SoundCloud or X link becomes a click-to-load embed.", rows: 24, attributes: "class=\"input--body\" spellcheck=\"true\""))
                <p class="editor__tools" data-insert-image hidden><button type="button" class="button--small button--secondary" data-insert-image-button>Insert an image</button></p>
                </div>
                <aside class="editor__side">
                <section class="panel"><h2>Publishing</h2>
                \(AdminField.select(Field.status, label: "Status", options: model.statusOptions, selected: form.status, error: errors[.status]))
                \(text(.publishAt, form.publishAt, "Publication time", hint: "For scheduled articles; in the site's time zone.", type: "datetime-local"))
                <p class="autosave-status" data-autosave-status role="status">\(model.autosaveNote ?? model.lastSaved.map { "Last saved \($0)." } ?? "Not saved yet.")</p>
                <button type="submit">Save</button>
                </section>
                <section class="panel"><h2>Placement</h2>
                \(AdminField.select(Field.kind, label: "Kind", options: model.kindOptions, selected: form.kind))
                \(AdminField.select(Field.section, label: "Section", options: model.sectionOptions, selected: form.section, error: errors[.section]))
                \(authors(model))
                \(text(.tags, form.tags, "Tags", hint: "Separated by commas; new tags are created."))
                </section>
                <section class="panel"><h2>Feature image</h2>
                \(images(model))
                \(text(.imageCaption, form.imageCaption, "Caption", attributes: "maxlength=\"300\""))
                </section>
                <section class="panel"><h2>Syndication</h2>
                \(text(.syndicationOutlet, form.syndicationOutlet, "First published by", hint: "Leave empty for our own reporting."))
                \(text(.syndicationURL, form.syndicationURL, "Original URL (becomes the canonical URL)", type: "url"))
                </section>
                <section class="panel"><h2>Search and sharing</h2>
                \(text(.seoTitle, form.seoTitle, "SEO title", hint: "Defaults to the title.", attributes: "maxlength=\"200\" data-counter=\"60\""))
                \(AdminField.textarea(Field.seoDescription, label: "SEO description", value: form.seoDescription, error: errors[.seoDescription], hint: "Defaults to the standfirst.", rows: 3, attributes: "maxlength=\"300\" data-counter=\"160\""))
                </section>
                <section class="panel"><h2>Discussion</h2>
                \(AdminField.checkbox(Field.discussionOpen, label: "Readers may comment", checked: form.discussionOpen))
                \(AdminField.select(Field.commentMode, label: "Moderation", options: [SelectOption(value: "", label: "As the site is set")] + ModerationPolicy.Mode.allCases.map { SelectOption(value: $0.rawValue, label: $0.label) }, selected: form.commentMode))
                </section>
                </aside>
                </form>
                \(preview(model))
                </div>
                \(pickerDialog())
                """, bodyClass: "admin--editor")
    }

    /// The picker the script opens: a search field, a grid of thumbnails and a pager.
    static func pickerDialog() -> HTML {
        """
        <dialog class="picker" data-picker-dialog aria-labelledby="picker-title">
        <form method="dialog" class="picker__head"><h2 id="picker-title">Choose an image</h2>\
        <button type="submit" class="button--small button--secondary" value="cancel">Close</button></form>
        <div class="picker__search"><label for="picker-search">Search descriptions and file names</label>\
        <input id="picker-search" type="search" data-picker-search autocomplete="off"></div>
        <p class="picker__status" role="status" data-picker-status></p>
        <ul class="picker__grid" data-picker-grid></ul>
        <nav class="pager" aria-label="Pages of images"><button type="button" class="button--small button--secondary" data-picker-previous>← Newer</button> \
        <span data-picker-page></span> <button type="button" class="button--small button--secondary" data-picker-next>Older →</button></nav>
        </dialog>
        """
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

    /// The byline: one labelled select per author, in order, and one to add another. The script
    /// turns them into a list with buttons to reorder and remove; without it, choosing "Nobody"
    /// removes an author and the last select adds one.
    static func authors(_ model: ArticleEditorModel) -> HTML {
        let name = Field.authors.name
        let places = ["First", "Second", "Third", "Fourth", "Fifth", "Sixth"]
        func select(id: String, label: String, selected: String, blank: String, attributes: HTML) -> HTML {
            let options = ([SelectOption(value: "", label: blank)] + model.authorOptions).map { option in
                HTML("<option value=\"\(option.value)\"\(HTML.when(option.value == selected) { " selected" })>\(option.label)</option>")
            }
            return HTML(
                """
                <div class="byline__slot"><label for="\(id)">\(label)</label>\
                <select id="\(id)" name="\(name)"\(attributes)>\(options)</select></div>
                """)
        }
        let chosen = model.form.authors.enumerated().map { index, author in
            select(
                id: "f-author-\(index)", label: "\(index < places.count ? places[index] : "Next") author", selected: author,
                blank: "Nobody (remove)", attributes: " data-byline-slot")
        }
        let add = select(
            id: "f-author-add", label: "Add an author", selected: "", blank: "Choose…", attributes: " data-byline-add")
        let error = model.errors[.authors]
        return """
            <fieldset class="field byline\(HTML.when(error != nil) { " field--invalid" })" id="f-\(name)" data-byline>\
            <legend>Byline, in order</legend>\
            \(error.map { HTML("<p class=\"field__error\">\($0)</p>") })\
            <ol class="byline__list" data-byline-list>\(chosen.map { HTML("<li>\($0)</li>") })</ol>\(add)</fieldset>
            """
    }

    /// The feature image: the one chosen now, and a searchable, paged picker of the library
    /// (the script's dialog, fed by `AdminURL.mediaPicker`). Without the script, the image's
    /// number from the media library can be typed.
    static func images(_ model: ArticleEditorModel) -> HTML {
        let name = Field.image.name
        let error = model.errors[.image]
        let current: HTML =
            model.featureImage.map { choice in
                HTML(
                    """
                    <img src="\(choice.thumbnail)" alt="" width="160" height="90" data-image-thumbnail>\
                    <span data-image-label>\(choice.label)</span>
                    """)
            } ?? HTML("<span data-image-label>No image</span>")
        return """
            <fieldset class="field image-field\(HTML.when(error != nil) { " field--invalid" })" id="f-\(name)" data-image-field \
            data-picker="\(AdminURL.mediaPicker())"><legend>Image</legend>\
            \(error.map { HTML("<p class=\"field__error\">\($0)</p>") })\
            <div class="image-field__current" data-image-current>\(current)</div>\
            <label for="f-image-id" class="image-field__manual">Image number in the media library (empty for none)</label>\
            <input id="f-image-id" name="\(name)" type="text" value="\(model.form.image)" inputmode="numeric" data-image-input>\
            <p class="field__hint">Only images with alt text can be used. <a href="\(AdminURL.media())">Upload or describe images</a>.</p>\
            </fieldset>
            """
    }
}
