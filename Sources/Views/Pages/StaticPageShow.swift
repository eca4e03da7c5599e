import Domain
import Routes

/// A static page (About, Donate, Privacy).
public struct StaticPageModel: Equatable, Sendable {
    public var chrome: SiteChrome
    public var title: String
    public var canonicalURL: String
    public var description: String
    public var body: HTML

    public init(chrome: SiteChrome, page: StaticPage) {
        self.chrome = chrome
        self.title = page.title
        self.canonicalURL = chrome.absolute(.article(slug: page.slug))
        self.description = PlainText.excerpt(PlainText.from(html: page.bodyHTML))
        self.body = .trusted(page.bodyHTML)
    }
}

public enum StaticPageView {
    public static func render(_ model: StaticPageModel) -> HTML {
        let meta = PageMeta(
            title: "\(model.title) — \(model.chrome.siteTitle)", description: model.description, canonicalURL: model.canonicalURL)
        let main: HTML = """
            <article class="static-page">
            <h1>\(model.title)</h1>
            <div class="prose">\(model.body)</div>
            </article>
            """
        return Layout.page(chrome: model.chrome, meta: meta, bodyClass: "page-static", main: main)
    }
}
