import Domain
import Routes

public enum CommentQueueView {
    /// The queues: tabs, comments with checkboxes, bulk actions.
    public static func render(_ model: CommentQueueModel) -> HTML {
        let tabLinks = model.tabs.map { tab in
            HTML(
                "<li><a href=\"\(AdminURL.comments(CommentQueueQuery(status: tab.status)))\"\(HTML.when(tab.status == model.queue) { " aria-current=\"page\"" })>\(tab.label)\(HTML.when(tab.count > 0) { HTML(" <span class=\"badge\(tab.status == .pending ? "" : " badge--quiet")\">\(tab.count)</span>") })</a></li>"
            )
        }
        let id = ModerationForm.Field.id.name
        let items = model.items.map { comment in
            HTML(
                """
                <li class="queue__item"><input type="checkbox" name="\(id)" value="\(comment.id.description)" id="c-\(comment.id.description)" form="bulk">\
                <div><label for="c-\(comment.id.description)"><strong>\(comment.authorName)</strong> &lt;\(comment.authorEmail)&gt;</label> \
                <span class="muted">\(comment.date) · \(comment.network) · on <a href="\(comment.articleURL)">\(comment.articleTitle)</a></span>\
                <div class="prose queue__body">\(comment.body)</div></div></li>
                """)
        }
        let options = model.actions.map { HTML("<option value=\"\($0.rawValue)\">\(model.label($0))</option>") }
        let action = ModerationForm.Field.action.name
        return AdminLayout.page(
            model.chrome, title: "Comments",
            main: """
                <h1>Comments</h1>
                <nav aria-label="Queues"><ul class="tabs">\(tabLinks)</ul></nav>
                \(model.items.isEmpty ? "<p class=\"panel__empty\">This queue is empty.</p>" : HTML("""
                    <form id="bulk" class="bulk" method="post" action="\(AdminURL.comments(CommentQueueQuery(status: model.queue)))">\(model.chrome.csrfField)\
                    <label for="f-\(action)">With the selected comments</label> <select id="f-\(action)" name="\(action)">\(options)</select> \
                    <button type="submit">Apply</button></form>
                    <ul class="queue">\(items)</ul>
                    """))
                \(Pager.html(model.pager))
                """)
    }
}
