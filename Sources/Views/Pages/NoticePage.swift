import Domain

/// A short page that tells a reader where they stand (check your inbox, confirm, done), in the
/// site's look, never indexed.
enum NoticePage {
    static func render(_ chrome: SiteChrome, title: String, description: String, body: HTML) -> HTML {
        let meta = PageMeta(
            title: "\(title) — \(chrome.siteTitle)", description: description, canonicalURL: chrome.siteURL + "/", noIndex: true)
        return Layout.page(
            chrome: chrome, meta: meta, bodyClass: "page-newsletter",
            main: "<section class=\"newsletter-page\"><h1>\(title)</h1>\(body)</section>")
    }
}
