import Domain
import Routes

/// The pages of readers who sign in to comment: the sign-in form, the mailed link's button, their
/// own page, and the form to download or erase everything under their address.
public enum ReaderPages {
    public static func signIn(_ chrome: SiteChrome, next: String, email: String = "", problem: String? = nil) -> HTML {
        page(
            chrome, title: "Sign in to comment",
            body: """
                <p>We mail you a link that signs you in: no password. Signed in, you comment under your name without the “Guest” label, \
                and your comments and subscriptions stay together. Guests are welcome too: signing in is never required.</p>
                <form method="post" action="\(SiteURL.readerSignIn())" class="reader-form">
                <input type="hidden" name="purpose" value="sign-in"><input type="hidden" name="next" value="\(next)">
                \(emailField(email, problem))
                <button type="submit">Mail me a sign-in link</button></form>
                """)
    }

    public static func data(_ chrome: SiteChrome, email: String = "", problem: String? = nil) -> HTML {
        page(
            chrome, title: "Your comments and data",
            body: """
                <p>Download a copy of every comment and subscription under your address, or erase them all. We mail a link to the \
                address first, so only its owner can do either.</p>
                <form method="post" action="\(SiteURL.readerData)" class="reader-form">
                \(emailField(email, problem))
                <fieldset><legend>What do you want?</legend>
                <div class="field field--check"><input type="radio" id="purpose-export" name="purpose" value="export" checked><label for="purpose-export">A copy of my comments</label></div>
                <div class="field field--check"><input type="radio" id="purpose-erase" name="purpose" value="erase"><label for="purpose-erase">Erase my comments and subscriptions</label></div>
                </fieldset>
                <button type="submit">Mail me the link</button></form>
                """)
    }

    static func emailField(_ email: String, _ problem: String?) -> HTML {
        """
        <div class="field\(HTML.when(problem != nil) { " field--invalid" })"><label for="reader-email">Email</label>\
        \(problem.map { HTML("<span class=\"field__error\" id=\"reader-email-error\">\($0)</span>") })\
        <input id="reader-email" name="email" type="email" required maxlength="254" autocomplete="email" value="\(email)"\
        \(HTML.when(problem != nil) { " aria-invalid=\"true\" aria-describedby=\"reader-email-error\"" })></div>
        """
    }

    public static func checkInbox(_ chrome: SiteChrome, email: String) -> HTML {
        page(
            chrome, title: "Check your inbox",
            body: "<p>If <strong>\(email)</strong> can receive mail, a link is on its way. It works once, for 30 minutes.</p>")
    }

    /// The mailed link opens this: a button, so mail scanners that open links do nothing.
    public static func link(_ chrome: SiteChrome, purpose: String, email: String, comments: Int, action: SiteURL) -> HTML {
        let (title, text, button): (String, String, String) =
            switch purpose {
            case "export": ("Download your comments", "A file with every comment and subscription of \(email).", "Download")
            case "erase":
                (
                    "Erase your comments",
                    "This erases \(DisplayFormat.count(comments, "comment", "comments")) and every subscription of \(email). Comments others answered stay as “Deleted by its author” so their replies keep their place. It cannot be undone.",
                    "Erase everything"
                )
            default: ("Sign in", "Sign in as \(email).", "Sign in")
            }
        return page(
            chrome, title: title,
            body: """
                <p>\(text)</p>
                <form method="post" action="\(action)"><button type="submit">\(button)</button></form>
                """)
    }

    public static func erased(_ chrome: SiteChrome, comments: Int) -> HTML {
        page(
            chrome, title: "Erased",
            body: "<p>\(DisplayFormat.count(comments, "comment", "comments")) and every subscription are erased.</p>")
    }

    public static func deadLink(_ chrome: SiteChrome) -> HTML {
        page(
            chrome, title: "This link no longer works",
            body: "<p>It was used already or it has expired. <a href=\"\(SiteURL.readerSignIn())\">Ask for a new one</a>.</p>")
    }

    public struct HomeModel: Equatable, Sendable {
        public struct Item: Equatable, Sendable {
            public var article: String
            public var href: String
            public var date: String
            public var status: String
            public var excerpt: String

            public init(article: String, href: String, date: String, status: String, excerpt: String) {
                self.article = article
                self.href = href
                self.date = date
                self.status = status
                self.excerpt = excerpt
            }
        }

        public var chrome: SiteChrome
        public var name: String
        public var email: String
        public var comments: [Item]
        public var subscriptions: [String]
        public var problem: String?
        public var saved: Bool

        public init(
            chrome: SiteChrome, name: String, email: String, comments: [Item], subscriptions: [String], problem: String? = nil,
            saved: Bool = false
        ) {
            self.chrome = chrome
            self.name = name
            self.email = email
            self.comments = comments
            self.subscriptions = subscriptions
            self.problem = problem
            self.saved = saved
        }
    }

    public static func home(_ model: HomeModel) -> HTML {
        let comments = model.comments.map { item in
            HTML(
                "<li><a href=\"\(item.href)\">\(item.article)</a> <span class=\"muted\">\(item.date) · \(item.status)</span><br>\(item.excerpt)</li>"
            )
        }
        let subscriptions = model.subscriptions.map { HTML("<li>\($0)</li>") }
        return page(
            model.chrome, title: "Your account",
            body: """
                \(HTML.when(model.saved) { "<p class=\"notice\" role=\"status\">Saved.</p>" })
                <p>Signed in as <strong>\(model.email)</strong>.</p>
                <form method="post" action="\(SiteURL.readerHome)" class="reader-form">
                <div class="field\(HTML.when(model.problem != nil) { " field--invalid" })"><label for="reader-name">Name shown with your comments</label>\
                \(model.problem.map { HTML("<span class=\"field__error\" id=\"reader-name-error\">\($0)</span>") })\
                <input id="reader-name" name="name" required maxlength="80" autocomplete="name" value="\(model.name)"></div>
                <button type="submit">Save</button></form>
                <h2>Your comments</h2>
                \(comments.isEmpty ? "<p>None yet.</p>" : HTML("<ul class=\"reader-comments\">\(comments)</ul>"))
                <h2>You follow</h2>
                \(subscriptions.isEmpty ? "<p>No discussion.</p>" : HTML("<ul>\(subscriptions)</ul>"))
                <p><a href="\(SiteURL.readerData)">Download or erase your comments</a></p>
                <form method="post" action="\(SiteURL.readerSignOut)"><button type="submit" class="button--quiet">Sign out</button></form>
                """)
    }

    static func page(_ chrome: SiteChrome, title: String, body: HTML) -> HTML {
        NoticePage.render(chrome, title: title, description: "Readers of \(chrome.siteTitle).", body: body)
    }
}
