import Routes

/// An error as the reader sees it: in the site's design, with a way on.
public struct ErrorPageModel: Equatable, Sendable {
    public var chrome: SiteChrome
    public var status: Int
    public var title: String
    public var message: String

    public init(chrome: SiteChrome, status: Int, title: String, message: String) {
        self.chrome = chrome
        self.status = status
        self.title = title
        self.message = message
    }
}

public enum ErrorPageView {
    public static func render(_ model: ErrorPageModel) -> HTML {
        let meta = PageMeta(
            title: "\(model.title) — \(model.chrome.siteTitle)", description: model.message,
            canonicalURL: model.chrome.absolute(.home), noIndex: true)
        let main: HTML = """
            <section class="error-page" aria-labelledby="error-title">
            <p class="error-page__status">Error \(model.status)</p>
            <h1 id="error-title">\(model.title)</h1>
            <p>\(model.message)</p>
            <form class="search-form" role="search" action="\(SiteURL.Pattern.search)" method="get">
            <label for="error-search">Search articles</label>
            <input id="error-search" type="search" name="q" maxlength="200">
            <button type="submit">Search</button>
            </form>
            <p><a href="\(SiteURL.home)">Go to the front page</a></p>
            </section>
            """
        return Layout.page(chrome: model.chrome, meta: meta, bodyClass: "page-error", main: main)
    }
}
