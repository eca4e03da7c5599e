import Domain
import Routes

/// An entry of the back office's navigation.
public struct AdminNavItem: Equatable, Sendable {
    public var label: String
    public var href: AdminURL
    public var isActive: Bool
    /// A count shown next to the label (comments awaiting moderation).
    public var badge: Int?

    public init(label: String, href: AdminURL, isActive: Bool, badge: Int? = nil) {
        self.label = label
        self.href = href
        self.isActive = isActive
        self.badge = badge
    }
}

/// What every back-office page shows around its content.
public struct AdminChrome: Equatable, Sendable {
    public var siteTitle: String
    public var stylesheet: String
    public var script: String
    public var icon: String
    /// Who is signed in ("Ana Ruiz · Editor"); nil on the sign-in pages.
    public var staffLine: String?
    /// The session's anti-forgery token, put into every form.
    public var csrfToken: String
    public var navigation: [AdminNavItem]
    /// A one-line confirmation of what just happened ("Saved."), shown once.
    public var notice: String?

    public init(
        siteTitle: String, stylesheet: String, script: String, icon: String, staffLine: String?, csrfToken: String,
        navigation: [AdminNavItem], notice: String? = nil
    ) {
        self.siteTitle = siteTitle
        self.stylesheet = stylesheet
        self.script = script
        self.icon = icon
        self.staffLine = staffLine
        self.csrfToken = csrfToken
        self.navigation = navigation
        self.notice = notice
    }

    /// The hidden anti-forgery field every form carries.
    public var csrfField: HTML { AdminField.hidden(AntiForgeryField.token, value: csrfToken) }
}

/// The back office's page shell: a header with the navigation, the main landmark, no footer.
public enum AdminLayout {
    public static func page(_ chrome: AdminChrome, title: String, main: HTML, bodyClass: String = "") -> HTML {
        let nav = chrome.navigation.map { item in
            HTML(
                """
                <li><a href="\(item.href)"\(HTML.when(item.isActive) { " aria-current=\"page\"" })>\(item.label)\
                \(item.badge.map { count in HTML(" <span class=\"badge\">\(count)</span>") })</a></li>
                """)
        }
        let account: HTML =
            chrome.staffLine.map { line in
                HTML(
                    """
                    <div class="admin-header__account"><span>\(line)</span>
                    \(AdminField.form(.signOut, chrome: chrome, "<button type=\"submit\" class=\"link-button\">Sign out</button>"))</div>
                    """)
            } ?? .empty
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="robots" content="noindex">
            <meta name="color-scheme" content="light dark">
            <title>\(title) — \(chrome.siteTitle) admin</title>
            <link rel="icon" href="\(chrome.icon)" type="image/svg+xml">
            <link rel="stylesheet" href="\(chrome.stylesheet)">
            <script src="\(chrome.script)" defer></script>
            </head>
            <body class="admin \(bodyClass)" data-csrf="\(chrome.csrfToken)">
            <a class="skip-link" href="#main">Skip to content</a>
            <header class="admin-header">
            <a class="admin-header__brand" href="\(AdminURL.dashboard)">\(chrome.siteTitle)</a>
            \(account)
            \(HTML.when(!nav.isEmpty) { HTML("<nav class=\"admin-nav\" aria-label=\"Back office\"><ul>\(nav)<li><a href=\"\(SiteURL.home)\">View site</a></li></ul></nav>") })
            </header>
            <main id="main" class="admin-main" tabindex="-1">
            \(chrome.notice.map { notice in HTML("<p class=\"admin-notice\" role=\"status\">\(notice)</p>") })
            \(main)
            </main>
            </body>
            </html>
            """
    }
}
