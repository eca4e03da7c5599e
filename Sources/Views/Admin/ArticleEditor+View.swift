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
        let options = [SelectOption(value: "", label: "—")] + model.authorOptions
        let slots = model.form.authors.enumerated().map { index, selected in
            let items = options.map { option in
                HTML("<option value=\"\(option.value)\"\(HTML.when(option.value == selected) { " selected" })>\(option.label)</option>")
            }
            return HTML(
                """
                <label class="visually-hidden" for="f-author-\(index)">Author \(index + 1)</label>\
                <select id="f-author-\(index)" name="\(Field.authors.name)">\(items)</select>
                """)
        }
        let error = model.errors[.authors]
        return """
            <fieldset class="field\(HTML.when(error != nil) { " field--invalid" })" id="f-\(Field.authors.name)"><legend>Byline, in order</legend>\
            \(error.map { HTML("<p class=\"field__error\">\($0)</p>") })<div class="author-slots">\(slots)</div></fieldset>
            """
    }

    static func images(_ model: ArticleEditorModel) -> HTML {
        let selected = model.form.image
        let name = Field.image.name
        let none = HTML(
            "<label class=\"image-choice\"><input type=\"radio\" name=\"\(name)\" value=\"\"\(HTML.when(selected.isEmpty) { " checked" })> None</label>"
        )
        let choices = model.imageChoices.map { choice in
            HTML(
                """
                <label class="image-choice"><input type="radio" name="\(name)" value="\(choice.id)"\(HTML.when(choice.id == selected) { " checked" })>\
                <img src="\(choice.thumbnail)" alt="" width="96" height="54" loading="lazy"> \(choice.label)</label>
                """)
        }
        let error = model.errors[.image]
        return """
            <fieldset class="field\(HTML.when(error != nil) { " field--invalid" })" id="f-\(name)"><legend>Image</legend>\
            <p class="field__hint">Only images with alt text are offered. <a href="\(AdminURL.media())">Upload or describe images</a>.</p>\
            \(error.map { HTML("<p class=\"field__error\">\($0)</p>") })<div class="image-choices">\(none)\(choices)</div></fieldset>
            """
    }
}
