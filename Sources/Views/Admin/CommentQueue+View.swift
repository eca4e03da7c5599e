import Domain
import Routes

public enum CommentQueueView {
    /// A comment as a moderator reads it: who, where, why it is held, what readers said, the
    /// text, and the ways to look further.
    static func describe(_ comment: CommentQueueModel.Item) -> HTML {
        """
        <p><strong>\(comment.authorName)</strong> &lt;\(comment.authorEmail)&gt; \
        <span class="muted">\(comment.date) · \(comment.isStaff ? "staff" : comment.isGuest ? "guest" : "reader account") · on <a href="\(comment.articleURL)#comment-\(comment.id.description)">\(comment.articleTitle)</a></span>\
        \(HTML.when(comment.pinned) { " <span class=\"badge badge--quiet\">Pinned</span>" })</p>\
        \(comment.holdReason.map { HTML("<p class=\"queue__reason\"><strong>Held:</strong> \($0)</p>") })\
        \(HTML.when(!comment.flags.isEmpty) { HTML("<p class=\"queue__reason\"><strong>Flags:</strong> \(comment.flags.joined(separator: "; "))</p>") })\
        <div class="prose queue__body">\(comment.body)</div>\
        <p class="queue__links"><a href="\(AdminURL.comment(comment.id))">Edit or reply</a> · \
        <a href="\(AdminURL.commenter(CommenterQuery(email: comment.authorEmail)))">All by this address</a>\
        \(HTML.when(!comment.network.isEmpty) { HTML(" · <a href=\"\(AdminURL.commenter(CommenterQuery(network: comment.network)))\">All from this network</a>") })</p>
        """
    }

    /// The queues: tabs, comments with checkboxes, bulk actions.
    public static func render(_ model: CommentQueueModel) -> HTML {
        let tabLinks = model.tabs.map { tab in
            HTML(
                "<li><a href=\"\(AdminURL.comments(CommentQueueQuery(status: tab.status)))\"\(HTML.when(tab.status == model.queue) { " aria-current=\"page\"" })>\(tab.label)\(HTML.when(tab.count > 0) { HTML(" <span class=\"badge\(tab.status == .pending || tab.status == .flagged ? "" : " badge--quiet")\">\(tab.count)</span>") })</a></li>"
            )
        }
        let id = ModerationForm.Field.id.name
        let items = model.items.map { comment in
            HTML(
                """
                <li class="queue__item"><input type="checkbox" name="\(id)" value="\(comment.id.description)" id="c-\(comment.id.description)" form="bulk" aria-label="Select the comment by \(comment.authorName)">\
                <div>\(describe(comment))</div></li>
                """)
        }
        let options = model.actions.map { HTML("<option value=\"\($0.rawValue)\">\(model.label($0))</option>") }
        let keys = model.actions.compactMap { action in
            model.shortcut(action).map { HTML("<li><kbd>\($0)</kbd> \(model.label(action))</li>") }
        }
        let keyData = model.actions.compactMap { action in model.shortcut(action).map { "\($0):\(action.rawValue)" } }.joined(
            separator: ",")
        let action = ModerationForm.Field.action.name
        return AdminLayout.page(
            model.chrome, title: "Comments",
            main: """
                <h1>Comments</h1>
                <nav aria-label="Queues"><ul class="tabs">\(tabLinks)</ul></nav>
                \(model.items.isEmpty ? "<p class=\"panel__empty\">This queue is empty.</p>" : HTML("""
                    <form id="bulk" class="bulk" data-shortcuts="\(keyData)" method="post" action="\(AdminURL.comments(CommentQueueQuery(status: model.queue)))">\(model.chrome.csrfField)\
                    <label for="f-\(action)">With the selected comments</label> <select id="f-\(action)" name="\(action)">\(options)</select> \
                    <button type="submit">Apply</button></form>
                    <ul class="queue">\(items)</ul>
                    <details class="queue__keys"><summary>Keyboard shortcuts</summary><ul><li><kbd>j</kbd> / <kbd>k</kbd> next / previous \
                    comment, <kbd>x</kbd> select it</li>\(keys)</ul></details>
                    """))
                \(Pager.html(model.pager))
                """)
    }
}
