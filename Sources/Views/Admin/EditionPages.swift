import Domain

/// The edition editor and its sending view.
public struct EditionPageModel: Equatable, Sendable {
    public var chrome: AdminChrome
    public var id: Int?
    public var newsletterID: Int
    public var newsletterName: String
    public var audience: Int
    public var subject: String
    public var markdown: String
    public var kind: String
    public var status: Edition.Status
    public var scheduledAt: String
    public var scheduledLabel: String?
    public var progress: EditionProgress
    public var errors: [String: String]
    public var staffEmail: String

    public init(
        chrome: AdminChrome, id: Int?, newsletterID: Int, newsletterName: String, audience: Int, subject: String, markdown: String,
        kind: String, status: Edition.Status, scheduledAt: String, scheduledLabel: String?, progress: EditionProgress,
        errors: [String: String], staffEmail: String
    ) {
        self.chrome = chrome
        self.id = id
        self.newsletterID = newsletterID
        self.newsletterName = newsletterName
        self.audience = audience
        self.subject = subject
        self.markdown = markdown
        self.kind = kind
        self.status = status
        self.scheduledAt = scheduledAt
        self.scheduledLabel = scheduledLabel
        self.progress = progress
        self.errors = errors
        self.staffEmail = staffEmail
    }
}

public enum EditionPages {
    public static func render(_ model: EditionPageModel) -> HTML {
        let title = model.id == nil ? "New edition" : (model.subject.isEmpty ? "Edition" : model.subject)
        let main: HTML = model.status.isEditable ? editor(model) : sending(model)
        return AdminLayout.page(
            model.chrome, title: title,
            main: """
                <p><a href="/admin/newsletter">← Newsletter</a></p>
                <h1>\(title)</h1><p class="muted">\(model.newsletterName) · \(model.kind) · <span class="status status--\(model.status.rawValue)">\(model.status.label)</span></p>
                \(main)
                """)
    }

    static func editor(_ model: EditionPageModel) -> HTML {
        let action = model.id.map { "/admin/newsletter/editions/\($0)" } ?? "/admin/newsletter/editions"
        let actions: HTML =
            model.id.map { id in
                HTML(
                    """
                    <section class="panel"><h2>Check it</h2>
                    <p><a class="button button--secondary" href="/admin/newsletter/editions/\(id)/preview" target="_blank" rel="noopener">Preview the email</a></p>
                    <form method="post" action="/admin/newsletter/editions/\(id)/test">\(model.chrome.csrfField)\
                    <button type="submit" class="button--secondary">Send a test to \(model.staffEmail)</button></form></section>
                    <section class="panel"><h2>Send it</h2>
                    \(model.scheduledLabel.map { label in HTML("<p>Scheduled for \(label).</p>") })
                    <form method="post" action="/admin/newsletter/editions/\(id)/schedule" class="row">\(model.chrome.csrfField)\
                    \(AdminField.text("at", label: "Send at", value: model.scheduledAt, error: model.errors["at"], hint: "In the site’s time zone.", type: "datetime-local"))\
                    <button type="submit" class="button--secondary">Schedule</button>\
                    \(HTML.when(model.scheduledLabel != nil) { HTML("<button type=\"submit\" name=\"unschedule\" value=\"1\" class=\"button--secondary\">Back to draft</button>") })</form>
                    <form method="post" action="/admin/newsletter/editions/\(id)/send" data-confirm="Send this edition to \(DisplayFormat.grouped(model.audience)) readers now?">\(model.chrome.csrfField)\
                    <button type="submit">Send now to \(DisplayFormat.count(model.audience, "reader", "readers"))</button></form></section>
                    <form method="post" action="/admin/newsletter/editions/\(id)/delete" data-confirm="Delete this draft?">\(model.chrome.csrfField)\
                    <button type="submit" class="button--small button--danger">Delete draft</button></form>
                    """)
            } ?? .empty
        return """
            <form method="post" action="\(action)" class="panel">\(model.chrome.csrfField)
            <input type="hidden" name="newsletter" value="\(model.newsletterID)">
            \(AdminField.errorSummary(model.errors, order: ["subject", "markdown"]))
            \(AdminField.text("subject", label: "Subject", value: model.subject, error: model.errors["subject"], attributes: "required maxlength=\"150\""))
            \(AdminField.textarea("markdown", label: "Text (Markdown)", value: model.markdown, error: model.errors["markdown"], hint: "Links to the site may be written as /section/news/; they become full addresses in the email.", rows: 18))
            <button type="submit">Save draft</button></form>
            \(actions)
            """
    }

    static func sending(_ model: EditionPageModel) -> HTML {
        guard let id = model.id else { return .empty }
        let progress = model.progress
        let control: HTML =
            switch model.status {
            case .sending:
                HTML(
                    "<form method=\"post\" action=\"/admin/newsletter/editions/\(id)/pause\">\(model.chrome.csrfField)<button type=\"submit\" class=\"button--secondary\">Pause sending</button></form>"
                )
            case .paused:
                HTML(
                    "<form method=\"post\" action=\"/admin/newsletter/editions/\(id)/resume\">\(model.chrome.csrfField)<button type=\"submit\">Resume sending</button></form>"
                )
            default: .empty
            }
        return """
            <section class="panel send-progress" data-progress="/admin/newsletter/editions/\(id)/progress" data-status="\(model.status.rawValue)">
            <h2>Sending</h2>
            <progress max="100" value="\(progress.percent)" aria-label="Share of the edition processed">\(progress.percent)%</progress>
            <dl class="stats" aria-live="polite"><div><dt>Sent</dt><dd data-count="sent">\(DisplayFormat.grouped(progress.sent))</dd></div>\
            <div><dt>Failed</dt><dd data-count="failed">\(DisplayFormat.grouped(progress.failed))</dd></div>\
            <div><dt>Remaining</dt><dd data-count="remaining">\(DisplayFormat.grouped(progress.remaining))</dd></div>\
            <div><dt>Not sent (left or suppressed)</dt><dd data-count="cancelled">\(DisplayFormat.grouped(progress.cancelled))</dd></div></dl>
            \(control)
            <p><a href="/admin/newsletter/editions/\(id)/log">Send log</a> · <a href="/admin/newsletter/editions/\(id)/preview" target="_blank" rel="noopener">The email as sent</a></p>
            </section>
            """
    }

    /// One page of the send log.
    public static func log(
        _ chrome: AdminChrome, id: Int, subject: String,
        entries: [(email: String, status: String, statusKey: String, attempts: Int, detail: String)],
        filter: String, filterOptions: [SelectOption], total: Int, pager: PagerModel
    ) -> HTML {
        let rows = entries.map { entry in
            HTML(
                """
                <tr><td>\(entry.email)</td><td><span class="status status--\(entry.statusKey)">\(entry.status)</span></td>\
                <td class="numeric">\(entry.attempts)</td><td class="muted">\(entry.detail)</td></tr>
                """)
        }
        return AdminLayout.page(
            chrome, title: "Send log",
            main: """
                <p><a href="/admin/newsletter/editions/\(id)">← \(subject)</a></p>
                <h1>Send log <span class="muted">\(DisplayFormat.grouped(total))</span></h1>
                <form class="filters" method="get" action="/admin/newsletter/editions/\(id)/log">\
                \(AdminField.select("status", label: "Show", options: filterOptions.map { ($0.value, $0.label) }, selected: filter))\
                <button type="submit">Filter</button></form>
                \(rows.isEmpty ? "<p class=\"panel__empty\">Nothing here.</p>" : HTML("""
                <div class="table-wrap"><table class="data-table"><thead><tr><th scope="col">Address</th><th scope="col">Status</th>\
                <th scope="col" class="numeric">Attempts</th><th scope="col">Details</th></tr></thead><tbody>\(rows)</tbody></table></div>
                """))
                \(Pager.html(pager))
                """)
    }
}
