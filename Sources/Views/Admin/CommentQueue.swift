public struct QueueCommentModel: Equatable, Sendable {
    public var id: Int
    public var authorName: String
    public var authorEmail: String
    public var network: String
    public var date: String
    public var body: HTML
    public var articleTitle: String
    public var articleHref: String

    public init(
        id: Int, authorName: String, authorEmail: String, network: String, date: String, body: HTML, articleTitle: String,
        articleHref: String
    ) {
        self.id = id
        self.authorName = authorName
        self.authorEmail = authorEmail
        self.network = network
        self.date = date
        self.body = body
        self.articleTitle = articleTitle
        self.articleHref = articleHref
    }
}

public enum CommentQueueView {
    /// The queues: tabs, comments with checkboxes, bulk actions.
    public static func render(
        _ chrome: AdminChrome, queue: String, tabs: [(key: String, label: String, count: Int)], comments: [QueueCommentModel],
        actions: [(value: String, label: String)], pager: PagerModel
    ) -> HTML {
        let tabLinks = tabs.map { tab in
            HTML(
                "<li><a href=\"/admin/comments?status=\(tab.key)\"\(HTML.when(tab.key == queue) { " aria-current=\"page\"" })>\(tab.label) <span class=\"badge\">\(tab.count)</span></a></li>"
            )
        }
        let items = comments.map { comment in
            HTML(
                """
                <li class="queue__item"><input type="checkbox" name="id" value="\(comment.id)" id="c-\(comment.id)" form="bulk">\
                <div><label for="c-\(comment.id)"><strong>\(comment.authorName)</strong> &lt;\(comment.authorEmail)&gt;</label> \
                <span class="muted">\(comment.date) · \(comment.network) · on <a href="\(comment.articleHref)">\(comment.articleTitle)</a></span>\
                <div class="prose queue__body">\(comment.body)</div></div></li>
                """)
        }
        let options = actions.map { HTML("<option value=\"\($0.value)\">\($0.label)</option>") }
        return AdminLayout.page(
            chrome, title: "Comments",
            main: """
                <h1>Comments</h1>
                <nav aria-label="Queues"><ul class="tabs">\(tabLinks)</ul></nav>
                <form id="bulk" class="bulk" method="post" action="/admin/comments?status=\(queue)">\(chrome.csrfField)\
                <label for="f-action">With the selected comments</label> <select id="f-action" name="action">\(options)</select> \
                <button type="submit">Apply</button></form>
                \(comments.isEmpty ? "<p class=\"panel__empty\">This queue is empty.</p>" : HTML("<ul class=\"queue\">\(items)</ul>"))
                \(Pager.html(pager))
                """)
    }
}
