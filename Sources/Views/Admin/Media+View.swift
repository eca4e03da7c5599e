import Domain
import Routes

public enum MediaView {
    public static func library(_ model: MediaLibraryModel) -> HTML {
        let grid = model.tiles.map { tile in
            HTML(
                """
                <li class="media-tile"><a href="\(AdminURL.mediaItem(tile.id))"><img src="\(tile.thumbnail)" alt="" loading="lazy" width="240" height="135">\
                <span class="media-tile__alt\(HTML.when(tile.alt.isEmpty) { " media-tile__alt--missing" })">\
                \(tile.alt.isEmpty ? "No alt text yet" : tile.alt)</span></a><span class="muted">\(tile.details)</span></li>
                """)
        }
        let file = UploadForm.Field.file.name
        return AdminLayout.page(
            model.chrome, title: "Media",
            main: """
                <h1>Media</h1>
                \(AdminField.form(.media(), chrome: model.chrome, class: "panel upload", multipart: true, """
                    \(model.error.map { HTML("<p class=\"form-errors\" role=\"alert\">\($0)</p>") })
                    <div class="field"><label for="f-\(file)">Upload an image</label>\
                    <p class="field__hint" id="f-\(file)-hint">JPEG, PNG, WebP or GIF, up to 10 MB. Large images are scaled down and their camera data removed.</p>\
                    <input id="f-\(file)" type="file" name="\(file)" accept="image/jpeg,image/png,image/webp,image/gif" required aria-describedby="f-\(file)-hint"></div>
                    <button type="submit">Upload</button>
                    """))
                \(model.tiles.isEmpty ? "<p class=\"panel__empty\">No images yet.</p>" : HTML("<ul class=\"media-grid\">\(grid)</ul>"))
                \(Pager.html(model.pager))
                """)
    }

    public static func item(_ model: MediaItemModel) -> HTML {
        let chrome = model.chrome
        let form = model.form
        let describe: HTML =
            model.canDescribe
            ? AdminField.form(
                .mediaItem(model.id), chrome: chrome, class: "panel",
                """
                \(AdminField.text(MediaDescriptionForm.Field.alt, label: "Alt text", value: form.alt, error: model.errors[.alt], hint: "What the image shows, for people who cannot see it. Required before the image can be used.", attributes: "maxlength=\"300\" required"))
                \(AdminField.textarea(MediaDescriptionForm.Field.caption, label: "Default caption", value: form.caption, error: model.errors[.caption], rows: 2, attributes: "maxlength=\"300\""))
                <button type="submit">Save description</button>
                """)
            : HTML(
                """
                <div class="panel"><p><strong>Alt text:</strong> \(form.alt.isEmpty ? "none yet" : form.alt)</p>\
                \(HTML.when(!form.caption.isEmpty) { HTML("<p><strong>Caption:</strong> \(form.caption)</p>") })\
                <p class="muted">Only the person who uploaded this image, or an editor, can change its description.</p></div>
                """)
        let delete: HTML =
            !model.canDelete
            ? .empty
            : model.inUse
                ? "<p class=\"muted\">This image is a feature image and cannot be deleted.</p>"
                : AdminField.form(
                    .mediaDelete(model.id), chrome: chrome, confirm: "Delete this image for good?",
                    "<button type=\"submit\" class=\"button--danger\">Delete image</button>")
        return AdminLayout.page(
            chrome, title: "Image",
            main: """
                <div class="page-head"><h1>Image</h1><a class="button" href="\(AdminURL.media())">Back to the library</a></div>
                <div class="media-item">
                <figure><img src="\(model.image)" srcset="\(model.srcset)" sizes="(min-width: 60rem) 40rem, 100vw" alt="\(form.alt)"></figure>
                <div>
                <ul class="details">\(model.details.map { HTML("<li>\($0)</li>") })</ul>
                \(describe)
                \(delete)
                </div></div>
                """)
    }
}
