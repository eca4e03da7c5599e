public struct MediaTileModel: Equatable, Sendable {
    public var href: String
    public var thumbnail: String
    public var alt: String
    public var details: String

    public init(href: String, thumbnail: String, alt: String, details: String) {
        self.href = href
        self.thumbnail = thumbnail
        self.alt = alt
        self.details = details
    }
}

public enum MediaPages {
    public static func library(_ chrome: AdminChrome, tiles: [MediaTileModel], pager: PagerModel, error: String?) -> HTML {
        let grid = tiles.map { tile in
            HTML(
                """
                <li class="media-tile"><a href="\(tile.href)"><img src="\(tile.thumbnail)" alt="" loading="lazy" width="240" height="135">\
                <span class="media-tile__alt\(HTML.when(tile.alt.isEmpty) { " media-tile__alt--missing" })">\
                \(tile.alt.isEmpty ? "No alt text yet" : tile.alt)</span></a><span class="muted">\(tile.details)</span></li>
                """)
        }
        return AdminLayout.page(
            chrome, title: "Media",
            main: """
                <h1>Media</h1>
                <form class="panel upload" method="post" action="/admin/media" enctype="multipart/form-data">
                \(chrome.csrfField)
                \(error.map { HTML("<p class=\"form-errors\" role=\"alert\">\($0)</p>") })
                <div class="field"><label for="f-file">Upload an image</label>\
                <p class="field__hint" id="f-file-hint">JPEG, PNG, WebP or GIF, up to 10 MB. Large images are scaled down and their camera data removed.</p>\
                <input id="f-file" type="file" name="file" accept="image/jpeg,image/png,image/webp,image/gif" required aria-describedby="f-file-hint"></div>
                <button type="submit">Upload</button>
                </form>
                \(tiles.isEmpty ? "<p class=\"panel__empty\">No images yet.</p>" : HTML("<ul class=\"media-grid\">\(grid)</ul>"))
                \(Pager.html(pager))
                """)
    }

    public static func item(
        _ chrome: AdminChrome, image: String, srcset: String, alt: String, caption: String, details: [String], errors: [String: String],
        action: String?, deleteAction: String?, inUse: Bool
    ) -> HTML {
        let describeForm: HTML =
            action.map { action in
                HTML(
                    """
                    <form method="post" action="\(action)" class="panel">
                    \(chrome.csrfField)
                    \(AdminField.text("alt", label: "Alt text", value: alt, error: errors["alt"], hint: "What the image shows, for people who cannot see it. Required before the image can be used.", attributes: "maxlength=\"300\" required"))
                    \(AdminField.textarea("caption", label: "Default caption", value: caption, error: errors["caption"], rows: 2, attributes: "maxlength=\"300\""))
                    <button type="submit">Save description</button>
                    </form>
                    """)
            }
            ?? HTML(
                """
                <div class="panel"><p><strong>Alt text:</strong> \(alt.isEmpty ? "none yet" : alt)</p>\
                \(HTML.when(!caption.isEmpty) { HTML("<p><strong>Caption:</strong> \(caption)</p>") })\
                <p class="muted">Only the person who uploaded this image, or an editor, can change its description.</p></div>
                """)
        let deleteForm: HTML =
            deleteAction.map { action in
                inUse
                    ? HTML("<p class=\"muted\">This image is a feature image and cannot be deleted.</p>")
                    : HTML(
                        "<form method=\"post\" action=\"\(action)\" data-confirm=\"Delete this image for good?\">\(chrome.csrfField)<button type=\"submit\" class=\"button--danger\">Delete image</button></form>"
                    )
            } ?? .empty
        return AdminLayout.page(
            chrome, title: "Image",
            main: """
                <div class="page-head"><h1>Image</h1><a class="button" href="/admin/media">Back to the library</a></div>
                <div class="media-item">
                <figure><img src="\(image)" srcset="\(srcset)" sizes="(min-width: 60rem) 40rem, 100vw" alt="\(alt)"></figure>
                <div>
                <ul class="details">\(details.map { HTML("<li>\($0)</li>") })</ul>
                \(describeForm)
                \(deleteForm)
                </div></div>
                """)
    }
}
