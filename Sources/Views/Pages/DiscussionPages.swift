import Domain
import Routes

/// The small pages of following a discussion: check your inbox, confirm, followed, stop, stopped.
public enum DiscussionPages {
    public static func checkInbox(_ chrome: SiteChrome, email: String, article: String, back: SiteURL) -> HTML {
        message(
            chrome, title: "Check your inbox",
            body: """
                <p>If <strong>\(email)</strong> does not follow the discussion of “\(article)” yet, a message is on its way: \
                open it and confirm within 24 hours.</p>
                <p><a class="button" href="\(back)">Back to the article</a></p>
                """)
    }

    /// A button, so mail scanners that open links do not confirm on the reader's behalf.
    public static func confirm(_ chrome: SiteChrome, email: String, what: String, article: String, action: SiteURL) -> HTML {
        message(
            chrome, title: "Confirm",
            body: """
                <p>Confirm that <strong>\(email)</strong> should be told of \(what) in the discussion of “\(article)”.</p>
                <form method="post" action="\(action)"><button type="submit">Confirm</button></form>
                """)
    }

    public static func confirmed(_ chrome: SiteChrome, what: String, article: String, back: SiteURL) -> HTML {
        message(
            chrome, title: "You follow the discussion",
            body: """
                <p>Thank you. You will be told of \(what) in the discussion of “\(article)”. Every email has a link to stop.</p>
                <p><a class="button" href="\(back)">Back to the article</a></p>
                """)
    }

    public static func stop(_ chrome: SiteChrome, article: String, action: SiteURL) -> HTML {
        message(
            chrome, title: "Stop these emails",
            body: """
                <p>Stop emails about the discussion of “\(article)”?</p>
                <form method="post" action="\(action)"><button type="submit">Stop these emails</button></form>
                """)
    }

    public static func stopped(_ chrome: SiteChrome, article: String, back: SiteURL) -> HTML {
        message(
            chrome, title: "No more emails",
            body: """
                <p>You will get no more emails about the discussion of “\(article)”.</p>
                <p><a class="button" href="\(back)">Back to the article</a></p>
                """)
    }

    public static func deadLink(_ chrome: SiteChrome) -> HTML {
        message(
            chrome, title: "This link no longer works",
            body: "<p>It has expired, or it was used to stop these emails already. Nothing more will be sent because of it.</p>")
    }

    static func message(_ chrome: SiteChrome, title: String, body: HTML) -> HTML {
        NoticePage.render(chrome, title: title, description: "Following a discussion on \(chrome.siteTitle).", body: body)
    }
}
