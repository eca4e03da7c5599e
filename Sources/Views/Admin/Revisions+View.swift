import Domain
import Routes

public enum RevisionsView {
    public static func list(_ chrome: AdminChrome, article: Article.ID, articleTitle: String, rows: [RevisionRowModel]) -> HTML {
        let body = rows.map { row in
            HTML(
                """
                <tr><td>\(row.version)</td><td>\(row.savedAt)</td><td>\(row.savedBy)</td><td>\(row.kind)</td><td>\(row.title)</td>\
                <td><a href="\(AdminURL.articleRevision(row.article, row.id))">Compare with current</a></td>\
                <td>\(AdminField.form(.articleRevisionRestore(row.article, row.id), chrome: chrome, "<button type=\"submit\" class=\"button--small\">Restore</button>"))</td></tr>
                """)
        }
        return AdminLayout.page(
            chrome, title: "Revisions",
            main: """
                <div class="page-head"><h1>Revisions of “\(articleTitle)”</h1><a class="button" href="\(AdminURL.articleEdit(article))">Back to the editor</a></div>
                <div class="table-wrap"><table class="data-table"><thead><tr><th scope="col">Version</th><th scope="col">Saved</th>\
                <th scope="col">By</th><th scope="col">Kind</th><th scope="col">Title</th><th scope="col"><span class="visually-hidden">Compare</span></th>\
                <th scope="col"><span class="visually-hidden">Restore</span></th></tr></thead><tbody>\(body)</tbody></table></div>
                """)
    }

    /// A revision next to the current article: changed fields, then the body line by line.
    public static func compare(
        _ chrome: AdminChrome, articleTitle: String, revision: RevisionRowModel, changes: [FieldChange], bodyDiff: [TextDiff.Line]
    ) -> HTML {
        let fields: HTML =
            changes.isEmpty
            ? "<p>Apart from the body, nothing differs.</p>"
            : HTML(
                """
                <table class="data-table compare"><thead><tr><th scope="col">Field</th><th scope="col">Version \(revision.version)</th>\
                <th scope="col">Current</th></tr></thead><tbody>\
                \(changes.map { HTML("<tr><th scope=\"row\">\($0.field)</th><td><del>\($0.before)</del></td><td><ins>\($0.after)</ins></td></tr>") })\
                </tbody></table>
                """)
        return AdminLayout.page(
            chrome, title: "Compare",
            main: """
                <div class="page-head"><h1>Version \(revision.version) of “\(articleTitle)” against the current one</h1>\
                <a class="button" href="\(AdminURL.articleEdit(revision.article))">Back to the editor</a></div>
                <p>Saved \(revision.savedAt) by \(revision.savedBy). Removed lines are marked <del>like this</del>, added ones <ins>like this</ins>.</p>
                <h2>Fields</h2>
                \(fields)
                <h2>Body</h2>
                \(diff(bodyDiff))
                \(AdminField.form(.articleRevisionRestore(revision.article, revision.id), chrome: chrome, "<button type=\"submit\">Restore version \(revision.version)</button>"))
                """)
    }

    /// The body diff, with long unchanged stretches folded to three lines of context.
    static func diff(_ lines: [TextDiff.Line]) -> HTML {
        guard lines.contains(where: { if case .same = $0 { return false } else { return true } }) else {
            return "<p>The body is the same.</p>"
        }
        var changedNear = Array(repeating: false, count: lines.count)
        for (index, line) in lines.enumerated() {
            if case .same = line { continue }
            for near in max(0, index - 3)...min(lines.count - 1, index + 3) { changedNear[near] = true }
        }
        var rows: [HTML] = []
        var skipped = 0
        for (index, line) in lines.enumerated() {
            guard changedNear[index] else {
                skipped += 1
                continue
            }
            if skipped > 0 {
                rows.append(HTML("<li class=\"diff__skip\">… \(skipped) unchanged lines …</li>"))
                skipped = 0
            }
            switch line {
            case .same(let text): rows.append(HTML("<li class=\"diff__same\">\(text.isEmpty ? " " : text)</li>"))
            case .removed(let text): rows.append(HTML("<li class=\"diff__del\"><del>\(text.isEmpty ? " " : text)</del></li>"))
            case .added(let text): rows.append(HTML("<li class=\"diff__add\"><ins>\(text.isEmpty ? " " : text)</ins></li>"))
            }
        }
        if skipped > 0 { rows.append(HTML("<li class=\"diff__skip\">… \(skipped) unchanged lines …</li>")) }
        return "<ol class=\"diff\">\(rows)</ol>"
    }
}
