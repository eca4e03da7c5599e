import Domain
import Routes

/// One commenter's record (every comment by an address or from a network, with a ban form),
/// the bans in force, and one comment opened for a moderator's edit or staff reply.
public struct CommenterModel: Equatable, Sendable {
    public var chrome: AdminChrome
    public var query: CommenterQuery
    public var items: [CommentQueueModel.Item]
    public var statuses: [String]
    public var pager: PagerModel
    public var ban: CommentBan?
    public var banDate: String?

    public init(
        chrome: AdminChrome, query: CommenterQuery, items: [CommentQueueModel.Item], statuses: [String], pager: PagerModel,
        ban: CommentBan?, banDate: String?
    ) {
        self.chrome = chrome
        self.query = query
        self.items = items
        self.statuses = statuses
        self.pager = pager
        self.ban = ban
        self.banDate = banDate
    }
}

public struct CommentBansModel: Equatable, Sendable {
    public struct Row: Equatable, Sendable {
        public var ban: CommentBan
        public var until: String
        public var created: String

        public init(ban: CommentBan, until: String, created: String) {
            self.ban = ban
            self.until = until
            self.created = created
        }
    }

    public var chrome: AdminChrome
    public var rows: [Row]
    public var form: BanForm?
    public var errors: FormErrors<BanForm.Field>

    public init(chrome: AdminChrome, rows: [Row], form: BanForm? = nil, errors: FormErrors<BanForm.Field> = .init()) {
        self.chrome = chrome
        self.rows = rows
        self.form = form
        self.errors = errors
    }
}

public struct CommentDeskModel: Equatable, Sendable {
    public var chrome: AdminChrome
    public var item: CommentQueueModel.Item
    public var markdown: String
    public var errors: FormErrors<StaffCommentForm.Field>
    public var reply: String

    public init(
        chrome: AdminChrome, item: CommentQueueModel.Item, markdown: String, errors: FormErrors<StaffCommentForm.Field> = .init(),
        reply: String = ""
    ) {
        self.chrome = chrome
        self.item = item
        self.markdown = markdown
        self.errors = errors
        self.reply = reply
    }
}

public enum CommentDeskView {
    public static func commenter(_ model: CommenterModel) -> HTML {
        let who = model.query.email.isEmpty ? "from network \(String(model.query.network.prefix(8)))" : "by \(model.query.email)"
        let banKind: BanKind = model.query.email.isEmpty ? .network : .email
        let value = model.query.email.isEmpty ? model.query.network : model.query.email
        let items = model.items.enumerated().map { index, item in
            HTML(
                "<li class=\"queue__item\"><div><p><span class=\"badge badge--quiet\">\(model.statuses[index])</span></p>\(CommentQueueView.describe(item))</div></li>"
            )
        }
        return AdminLayout.page(
            model.chrome, title: "Comments \(who)",
            main: """
                <h1>Comments \(who)</h1>
                <p><a href="\(AdminURL.comments())">Back to the queues</a> · <a href="\(AdminURL.commentBans)">Bans</a></p>
                \(model.ban.map { ban in HTML("<p class=\"notice\" role=\"status\">Banned\(ban.until == nil ? " until lifted" : " until \(model.banDate ?? "")"): \(ban.reason.isEmpty ? "no reason given" : ban.reason)</p>") })
                \(model.items.isEmpty ? "<p class=\"panel__empty\">No comments.</p>" : HTML("<ul class=\"queue\">\(items)</ul>"))
                \(Pager.html(model.pager))
                \(HTML.when(model.ban == nil) { banForm(model.chrome, kind: banKind, value: value, errors: .init()) })
                """)
    }

    static func banForm(
        _ chrome: AdminChrome, kind: BanKind, value: String, errors: FormErrors<BanForm.Field>, reason: String = "", days: String = ""
    ) -> HTML {
        let options = BanKind.allCases.map { SelectOption(value: $0.rawValue, label: $0.label) }
        return """
            <section class="panel"><h2>Ban from commenting</h2>
            <form method="post" action="\(AdminURL.commentBans)">\(chrome.csrfField)
            \(AdminField.select(BanForm.Field.kind, label: "Ban", options: options, selected: kind.rawValue, error: errors[.kind]))
            \(AdminField.text(BanForm.Field.value, label: "Address, account number or network", value: value, error: errors[.value]))
            \(AdminField.text(BanForm.Field.reason, label: "Reason (for moderators)", value: reason, error: errors[.reason]))
            \(AdminField.text(BanForm.Field.days, label: "Days", value: days, error: errors[.days], hint: "Empty: until lifted.", type: "number"))
            <button type="submit">Ban</button></form></section>
            """
    }

    public static func bans(_ model: CommentBansModel) -> HTML {
        let rows = model.rows.map { row in
            HTML(
                """
                <tr><td>\(row.ban.kind.label)</td><td>\(row.ban.kind == .network ? String(row.ban.value.prefix(8)) : row.ban.value)</td>\
                <td>\(row.ban.reason)</td><td>\(row.until)</td><td>\(row.created)</td>\
                <td><form method="post" action="\(AdminURL.commentBanLift(row.ban.id))">\(model.chrome.csrfField)<button type="submit">Lift</button></form></td></tr>
                """)
        }
        return AdminLayout.page(
            model.chrome, title: "Bans",
            main: """
                <h1>Bans</h1>
                <p><a href="\(AdminURL.comments())">Back to the queues</a></p>
                \(model.rows.isEmpty ? "<p class=\"panel__empty\">Nobody is banned.</p>" : HTML("<div class=\"table-wrap\"><table><thead><tr><th>Kind</th><th>Who</th><th>Reason</th><th>Until</th><th>Since</th><th><span class=\"visually-hidden\">Action</span></th></tr></thead><tbody>\(rows)</tbody></table></div>"))
                \(banForm(model.chrome, kind: model.form?.banKind ?? .email, value: model.form?.value ?? "", errors: model.errors, reason: model.form?.reason ?? "", days: model.form?.days ?? ""))
                """)
    }

    public static func desk(_ model: CommentDeskModel) -> HTML {
        AdminLayout.page(
            model.chrome, title: "Comment by \(model.item.authorName)",
            main: """
                <h1>Comment by \(model.item.authorName)</h1>
                <p><a href="\(AdminURL.comments())">Back to the queues</a></p>
                <section class="panel">\(CommentQueueView.describe(model.item))</section>
                <section class="panel"><h2>Edit the text</h2>
                \(AdminField.errorSummary(model.errors))
                <form method="post" action="\(AdminURL.comment(model.item.id))">\(model.chrome.csrfField)
                \(AdminField.textarea(StaffCommentForm.Field.body, label: "Text (Markdown)", value: model.markdown, error: model.errors[.body], rows: 8))
                <button type="submit">Save the text</button></form></section>
                <section class="panel"><h2>Reply as staff</h2>
                <form method="post" action="\(AdminURL.commentReply(model.item.id))">\(model.chrome.csrfField)
                \(AdminField.textarea(StaffCommentForm.Field.body, label: "Your reply (published at once, with a staff badge)", value: model.reply, rows: 5, attributes: "id=\"reply-body\""))
                <button type="submit">Publish the reply</button></form></section>
                """)
    }
}
