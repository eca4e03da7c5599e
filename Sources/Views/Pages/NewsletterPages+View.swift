import Domain
import Routes

/// The reader's side of the newsletter: signing up, confirming, preferences and leaving.
public enum NewsletterPages {
    public static func signup(_ model: NewsletterSignupModel) -> HTML {
        let choices = model.choices.map { choice in
            HTML(
                """
                <li class="newsletter-choice"><input type="checkbox" id="nl-\(choice.id)" name="newsletter" value="\(choice.id)"\
                \(HTML.when(choice.isChecked) { " checked" })><label for="nl-\(choice.id)"><strong>\(choice.name)</strong> \
                <span class="newsletter-choice__schedule">\(choice.schedule)</span><span class="newsletter-choice__description">\(choice.description)</span></label></li>
                """)
        }
        let main: HTML = """
            <section class="newsletter-page">
            <h1>Newsletters</h1>
            <p class="newsletter-page__intro">Our journalism in your inbox, free. We send a link to confirm your address first, \
            and every email has a one-click way out.</p>
            \(errorSummary(model.problems))
            <form class="newsletter-signup" action="\(SiteURL.newsletter)" method="post" novalidate><input type="hidden" name="source" value="page">
            <fieldset id="signup-newsletter"><legend>Choose your newsletters</legend><ul class="newsletter-choices">\(choices)</ul>\
            \(fieldError("newsletter", model.problems))</fieldset>
            \(field("email", label: "Email address", value: model.email, type: "email", problems: model.problems, attributes: "required autocomplete=\"email\" maxlength=\"254\""))
            \(field("name", label: "Name (optional)", value: model.name, type: "text", problems: model.problems, attributes: "autocomplete=\"name\" maxlength=\"120\""))
            <div class="hp" aria-hidden="true"><label for="signup-website">Leave this empty</label>\
            <input id="signup-website" type="text" name="website" tabindex="-1" autocomplete="off"></div>
            <button type="submit">Subscribe</button>
            <p class="newsletter-page__small">We use your address only to send what you choose. See our privacy page.</p>
            </form>
            </section>
            """
        return page(model.chrome, title: "Newsletters", path: SiteURL.newsletter.path, main: main, index: true)
    }

    /// After a signup, whatever happened (the page never says whether an address was known).
    public static func checkInbox(_ chrome: SiteChrome, email: String) -> HTML {
        message(
            chrome, title: "Check your inbox",
            body: """
                <p>We have sent a message to <strong>\(email)</strong>. Open it and confirm within 24 hours to start receiving the newsletter.</p>
                <p>Nothing there after a few minutes? Look in your spam folder, or <a href="\(SiteURL.newsletter)">try again</a>.</p>
                """)
    }

    /// The page a confirmation link opens: a button, so mail scanners that open links do not
    /// confirm on the reader's behalf.
    public static func confirm(_ chrome: SiteChrome, email: String, action: SiteURL) -> HTML {
        message(
            chrome, title: "Confirm your subscription",
            body: """
                <p>Confirm that <strong>\(email)</strong> should receive our newsletter.</p>
                <form method="post" action="\(action)"><button type="submit">Confirm my subscription</button></form>
                """)
    }

    public static func confirmed(_ chrome: SiteChrome, newsletters: [String], preferences: SiteURL) -> HTML {
        let list = newsletters.map { HTML("<li>\($0)</li>") }
        return message(
            chrome, title: "You are subscribed",
            body: """
                <p>Thank you. You will receive:</p><ul>\(list)</ul>
                <p><a href="\(preferences)">Change your newsletters</a> at any time; every email also has this link.</p>
                <p><a class="button" href="\(SiteURL.home)">Back to the front page</a></p>
                """)
    }

    public static func preferences(_ model: NewsletterPreferencesModel) -> HTML {
        let choices = model.choices.map { choice in
            HTML(
                """
                <li class="newsletter-choice"><input type="checkbox" id="nl-\(choice.id)" name="newsletter" value="\(choice.id)"\
                \(HTML.when(choice.isChecked) { " checked" })><label for="nl-\(choice.id)"><strong>\(choice.name)</strong> \
                <span class="newsletter-choice__schedule">\(choice.schedule)</span><span class="newsletter-choice__description">\(choice.description)</span></label></li>
                """)
        }
        let pauseOptions = model.pauseOptions.map { option in
            HTML("<option value=\"\(option.value)\">\(option.label)</option>")
        }
        let pause: HTML =
            model.pausedUntil.map { until in
                HTML(
                    """
                    <p>Your newsletters are paused until \(until).</p>
                    <button type="submit" name="action" value="resume">Resume now</button>
                    """)
            }
            ?? HTML(
                """
                <label for="pause-for">Pause for</label> <select id="pause-for" name="pause">\(pauseOptions)</select>
                <button type="submit" name="action" value="pause" class="button--secondary">Pause</button>
                """)
        let main: HTML = """
            <section class="newsletter-page">
            <h1>Your newsletters</h1>
            <p>For <strong>\(model.email)</strong>.\(HTML.when(model.isUnsubscribed) { " You are not subscribed to any newsletter at the moment." })</p>
            \(model.notice.map { HTML("<p class=\"notice\" role=\"status\">\($0)</p>") })
            <form method="post" action="\(model.action)" class="newsletter-signup">
            <fieldset><legend>Send me</legend><ul class="newsletter-choices">\(choices)</ul></fieldset>
            <button type="submit" name="action" value="save">Save my choices</button>
            </form>
            \(HTML.when(!model.isUnsubscribed) {
                HTML("""
                <form method="post" action="\(model.action)" class="newsletter-pause"><h2>Taking a break?</h2>\(pause)</form>
                <form method="post" action="\(model.action)" class="newsletter-leave"><h2>Leave</h2>\
                <p>Stop every newsletter from \(model.chrome.siteTitle). You can come back from this page.</p>\
                <button type="submit" name="action" value="leave" class="button--danger">Unsubscribe from everything</button></form>
                """)
            })
            </section>
            """
        return page(model.chrome, title: "Your newsletters", path: SiteURL.newsletter.path, main: main, index: false)
    }

    /// The unsubscribe link's page: one button (the same POST a mail client sends for one-click
    /// unsubscribe) and a way to the preferences instead.
    public static func unsubscribe(
        _ chrome: SiteChrome, email: String, newsletter: String, action: SiteURL, preferences: SiteURL
    ) -> HTML {
        message(
            chrome, title: "Unsubscribe",
            body: """
                <p>Stop sending <strong>\(newsletter)</strong> to <strong>\(email)</strong>?</p>
                <form method="post" action="\(action)"><input type="hidden" name="List-Unsubscribe" value="One-Click">\
                <button type="submit">Unsubscribe</button></form>
                <p>Or <a href="\(preferences)">choose which newsletters you get, or pause them</a>.</p>
                """)
    }

    public static func unsubscribed(_ chrome: SiteChrome, newsletter: String, preferences: SiteURL) -> HTML {
        message(
            chrome, title: "You are unsubscribed",
            body: """
                <p>You will not receive \(newsletter) any more. Sorry to see you go.</p>
                <p>Changed your mind? <a href="\(preferences)">Your preferences</a> bring it back.</p>
                """)
    }

    public static func deadLink(_ chrome: SiteChrome, title: String, explanation: String) -> HTML {
        message(
            chrome, title: title,
            body: """
                <p>\(explanation)</p>
                <p><a class="button" href="\(SiteURL.newsletter)">Sign up again</a></p>
                """)
    }

    static func message(_ chrome: SiteChrome, title: String, body: HTML) -> HTML {
        page(
            chrome, title: title, path: SiteURL.newsletter.path,
            main: "<section class=\"newsletter-page\"><h1>\(title)</h1>\(body)</section>", index: false)
    }

    static func page(_ chrome: SiteChrome, title: String, path: String, main: HTML, index: Bool) -> HTML {
        let meta = PageMeta(
            title: "\(title) — \(chrome.siteTitle)", description: "Newsletters from \(chrome.siteTitle).",
            canonicalURL: chrome.siteURL + path, noIndex: !index)
        return Layout.page(chrome: chrome, meta: meta, bodyClass: "page-newsletter", main: main)
    }

    static func field(_ name: String, label: String, value: String, type: String, problems: [String: String], attributes: HTML) -> HTML {
        let error = problems[name]
        return """
            <div class="field\(HTML.when(error != nil) { " field--invalid" })"><label for="signup-\(name)">\(label)</label>\
            \(fieldError(name, problems))<input id="signup-\(name)" name="\(name)" type="\(type)" value="\(value)"\
            \(HTML.when(error != nil) { HTML(" aria-invalid=\"true\" aria-describedby=\"signup-\(name)-error\"") }) \(attributes)></div>
            """
    }

    static func fieldError(_ name: String, _ problems: [String: String]) -> HTML {
        problems[name].map { HTML("<p class=\"field__error\" id=\"signup-\(name)-error\">\($0)</p>") } ?? .empty
    }

    static func errorSummary(_ problems: [String: String]) -> HTML {
        guard !problems.isEmpty else { return .empty }
        let items = problems.sorted { $0.key < $1.key }.map { HTML("<li><a href=\"#signup-\($0.key)\">\($0.value)</a></li>") }
        return "<div class=\"form-errors\" role=\"alert\" tabindex=\"-1\"><h2>Please check the form</h2><ul>\(items)</ul></div>"
    }
}
