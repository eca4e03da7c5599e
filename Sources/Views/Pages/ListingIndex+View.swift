import Routes

/// Section, author, tag and search listings share one page design.
public enum ListingIndexView {
    public static func render(_ model: ListingIndexModel) -> HTML {
        let isSearch: Bool
        let description: String
        switch model.kind {
        case .section(let text): (isSearch, description) = (false, text)
        case .author(let author): (isSearch, description) = (false, author.bio)
        case .tag: (isSearch, description) = (false, "Articles tagged “\(model.heading)”.")
        case .search: (isSearch, description) = (true, "Search \(model.chrome.siteTitle)")
        }
        let pageSuffix = model.pager.current > 1 ? " — page \(model.pager.current)" : ""
        let meta = PageMeta(
            title: "\(model.heading)\(pageSuffix) — \(model.chrome.siteTitle)",
            description: description.isEmpty ? model.chrome.tagline : description,
            canonicalURL: model.canonicalURL, noIndex: isSearch,
            previousURL: model.pager.previous.map { model.chrome.siteURL + $0.path },
            nextURL: model.pager.next.map { model.chrome.siteURL + $0.path })
        let main: HTML = """
            <div class="listing-layout">
            <div class="listing">
            \(header(model))
            \(results(model))
            \(Pager.html(model.pager))
            </div>
            <aside class="listing-layout__aside sidebar" aria-label="More">
            \(Widgets.sidebar(model.sidebar, siteTitle: model.chrome.siteTitle))
            </aside>
            </div>
            """
        return Layout.page(chrome: model.chrome, meta: meta, bodyClass: isSearch ? "page-search" : "page-listing", main: main)
    }

    static func header(_ model: ListingIndexModel) -> HTML {
        switch model.kind {
        case .section(let description):
            return """
                <header class="listing__header"><p class="listing__kicker">Section</p><h1>\(model.heading)</h1>\
                \(HTML.when(!description.isEmpty) { HTML("<p class=\"listing__description\">\(description)</p>") })</header>
                """
        case .author(let author):
            return """
                <header class="listing__header listing__header--author">\(ArticleShowView.avatar(author, size: 96))<div>\
                <p class="listing__kicker">Author</p><h1>\(author.name)</h1>\
                \(HTML.when(!author.title.isEmpty) { HTML("<p class=\"listing__role\">\(author.title)</p>") })\
                \(HTML.when(!author.bio.isEmpty) { HTML("<p class=\"listing__description\">\(author.bio)</p>") })</div></header>
                """
        case .tag:
            return "<header class=\"listing__header\"><p class=\"listing__kicker\">Tag</p><h1>\(model.heading)</h1></header>"
        case .search(let query, let count):
            let summary: HTML =
                query.isEmpty
                ? "Type a few words to search every article."
                : HTML("\(DisplayFormat.count(count, "result", "results")) for “<mark>\(query)</mark>”")
            return """
                <header class="listing__header"><h1>Search</h1>
                <form class="search-form" role="search" action="\(SiteURL.Pattern.search)" method="get">
                <label for="search-q">Search articles</label>
                <input id="search-q" type="search" name="q" value="\(query)" maxlength="200">
                <button type="submit">Search</button>
                </form>
                <p class="listing__summary" role="status">\(summary)</p></header>
                """
        }
    }

    static func results(_ model: ListingIndexModel) -> HTML {
        if model.cards.isEmpty {
            if case .search(let query, _) = model.kind, query.isEmpty { return .empty }
            return "<p class=\"listing__empty\">Nothing here yet. Try the <a href=\"/\">front page</a> or a search.</p>"
        }
        return "<div class=\"listing__grid\">\(model.cards.map { ArticleCard.html($0, size: .standard, headingLevel: 2) })</div>"
    }
}
