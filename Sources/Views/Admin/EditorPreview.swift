/// The document shown in the editor's preview frame (and returned by the preview API): the
/// sanitised body inside the public site's article styles, nothing else.
public enum EditorPreview {
    public static func document(body: HTML, stylesheet: String) -> HTML {
        """
        <!DOCTYPE html><html lang="en"><head><meta charset="utf-8">\
        <link rel="stylesheet" href="\(stylesheet)"></head>\
        <body class="editor-preview"><div class="article__body prose">\(body)</div></body></html>
        """
    }
}
