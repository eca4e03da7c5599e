import Domain
import Routes

public enum EditionView {
    public static func render(_ model: EditionPageModel) -> HTML {
        let title = model.id == nil ? "New edition" : (model.form.subject.isEmpty ? "Edition" : model.form.subject)
        let main: HTML = model.status.isEditable ? editor(model) : sending(model)
        return AdminLayout.page(
            model.chrome, title: title,
            main: """
                <p><a href="\(AdminURL.newsletter)">← Newsletter</a></p>
                <h1>\(title)</h1><p class="muted">\(model.newsletterName) · \(model.kind) · <span class="status status--\(model.status.rawValue)">\(model.status.label)</span></p>
                \(main)
                """)
    }

    static func editor(_ model: EditionPageModel) -> HTML {
        let chrome = model.chrome
        let actions: HTML =
            model.id.map { id in
                HTML(
                    """
                    <section class="panel"><h2>Check it</h2>
                    <p><a class="button button--secondary" href="\(AdminURL.editionPreview(id))" target="_blank" rel="noopener">Preview the email</a></p>
                    \(AdminField.form(.editionTest(id), chrome: chrome, "<button type=\"submit\" class=\"button--secondary\">Send a test to \(model.staffEmail)</button>"))</section>
                    <section class="panel"><h2>Send it</h2>
                    \(model.scheduledLabel.map { label in HTML("<p>Scheduled for \(label).</p>") })
                    \(AdminField.form(.editionSchedule(id), chrome: chrome, class: "row", """
                        \(AdminField.text(EditionScheduleForm.Field.at, label: "Send at", value: model.scheduledAt, error: model.scheduleError, hint: "In the site’s time zone.", type: "datetime-local"))\
                        <button type="submit" class="button--secondary">Schedule</button>\
                        \(HTML.when(model.scheduledLabel != nil) { HTML("<button type=\"submit\" name=\"\(EditionScheduleForm.Field.unschedule.name)\" value=\"1\" class=\"button--secondary\">Back to draft</button>") })
                        """))
                    \(AdminField.form(.editionSend(id), chrome: chrome, confirm: "Send this edition to \(DisplayFormat.grouped(model.audience)) readers now?", "<button type=\"submit\">Send now to \(DisplayFormat.count(model.audience, "reader", "readers"))</button>"))</section>
                    \(AdminField.form(.editionDelete(id), chrome: chrome, confirm: "Delete this draft?", "<button type=\"submit\" class=\"button--small button--danger\">Delete draft</button>"))
                    """)
            } ?? .empty
        return """
            \(AdminField.form(.edition(model.id), chrome: chrome, class: "panel", """
                \(AdminField.hidden(EditionForm.Field.newsletter, value: model.newsletterID.description))
                \(AdminField.errorSummary(model.errors))
                \(AdminField.text(EditionForm.Field.subject, label: "Subject", value: model.form.subject, error: model.errors[.subject], attributes: "required maxlength=\"150\""))
                \(AdminField.textarea(EditionForm.Field.markdown, label: "Text (Markdown)", value: model.form.markdown, error: model.errors[.markdown], hint: "Links to the site may be written as /section/news/; they become full addresses in the email.", rows: 18))
                <button type="submit">Save draft</button>
                """))
            \(actions)
            """
    }

    static func sending(_ model: EditionPageModel) -> HTML {
        guard let id = model.id else { return .empty }
        let progress = model.progress
        let control: HTML =
            switch model.status {
            case .sending:
                AdminField.form(
                    .editionPause(id), chrome: model.chrome, "<button type=\"submit\" class=\"button--secondary\">Pause sending</button>")
            case .paused:
                AdminField.form(.editionResume(id), chrome: model.chrome, "<button type=\"submit\">Resume sending</button>")
            default: .empty
            }
        return """
            <section class="panel send-progress" data-progress="\(AdminURL.editionProgress(id))" data-status="\(model.status.rawValue)">
            <h2>Sending</h2>
            <progress max="100" value="\(progress.percent)" aria-label="Share of the edition processed">\(progress.percent)%</progress>
            <dl class="stats" aria-live="polite"><div><dt>Sent</dt><dd data-count="sent">\(DisplayFormat.grouped(progress.sent))</dd></div>\
            <div><dt>Failed</dt><dd data-count="failed">\(DisplayFormat.grouped(progress.failed))</dd></div>\
            <div><dt>Remaining</dt><dd data-count="remaining">\(DisplayFormat.grouped(progress.remaining))</dd></div>\
            <div><dt>Not sent (left or suppressed)</dt><dd data-count="cancelled">\(DisplayFormat.grouped(progress.cancelled))</dd></div></dl>
            \(control)
            <p><a href="\(AdminURL.editionLog(id))">Send log</a> · <a href="\(AdminURL.editionPreview(id))" target="_blank" rel="noopener">The email as sent</a></p>
            </section>
            """
    }

    /// One page of the send log.
    public static func log(_ model: EditionLogModel) -> HTML {
        let rows = model.entries.map { entry in
            HTML(
                """
                <tr><td>\(entry.email)</td><td><span class="status status--\(entry.status.rawValue)">\(entry.status.label)</span></td>\
                <td class="numeric">\(entry.attempts)</td><td class="muted">\(entry.detail)</td></tr>
                """)
        }
        return AdminLayout.page(
            model.chrome, title: "Send log",
            main: """
                <p><a href="\(AdminURL.edition(model.id))">← \(model.subject)</a></p>
                <h1>Send log <span class="muted">\(DisplayFormat.grouped(model.total))</span></h1>
                <form class="filters" method="get" action="\(AdminURL.editionLog(model.id))">\
                \(AdminField.select(ListFilterField.status, label: "Show", options: model.filterOptions, selected: model.query.status?.rawValue ?? ""))\
                <button type="submit">Filter</button></form>
                \(rows.isEmpty ? "<p class=\"panel__empty\">Nothing here.</p>" : HTML("""
                <div class="table-wrap"><table class="data-table"><thead><tr><th scope="col">Address</th><th scope="col">Status</th>\
                <th scope="col" class="numeric">Attempts</th><th scope="col">Details</th></tr></thead><tbody>\(rows)</tbody></table></div>
                """))
                \(Pager.html(model.pager))
                """)
    }
}
