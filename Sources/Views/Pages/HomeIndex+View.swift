import Routes

/// The home page: lead story, Latest, a block per section, and the sidebar widgets.
public enum HomeIndexView {
    public static func render(_ model: HomeIndexModel) -> HTML {
        let meta = PageMeta(
            title: "\(model.chrome.siteTitle) — \(model.chrome.tagline)",
            description: model.chrome.tagline,
            canonicalURL: model.chrome.absolute(.home),
            structuredData: JSONLD.script(
                .object([
                    ("@context", .string("https://schema.org")), ("@type", .string("NewsMediaOrganization")),
                    ("name", .string(model.chrome.siteTitle)), ("url", .string(model.chrome.absolute(.home))),
                ])))
        let main: HTML = """
            <h1 class="visually-hidden">\(model.chrome.siteTitle)</h1>
            \(model.topAds.map(Widgets.ad))
            <div class="home">
            <div class="home__main">
            \(model.lead.map { lead in HTML("<section class=\"home__lead\" aria-label=\"Lead story\">\(ArticleCard.html(lead, size: .lead, headingLevel: 2))</section>") })
            \(latest(model.latest))
            \(model.sections.map(sectionBlock))
            </div>
            <aside class="home__aside sidebar" aria-label="More">
            \(Widgets.sidebar(model.sidebar, siteTitle: model.chrome.siteTitle))
            </aside>
            </div>
            """
        return Layout.page(chrome: model.chrome, meta: meta, bodyClass: "page-home", main: main)
    }

    static func latest(_ cards: [ArticleCardModel]) -> HTML {
        guard !cards.isEmpty else { return .empty }
        return """
            <section class="block block--latest" aria-labelledby="latest-heading">
            <h2 class="block__title" id="latest-heading">Latest</h2>
            <div class="block__grid">\(cards.map { ArticleCard.html($0, size: .standard) })</div>
            </section>
            """
    }

    static func sectionBlock(_ block: SectionBlockModel) -> HTML {
        guard !block.cards.isEmpty else { return .empty }
        let id = "block-" + String(block.href.filter { $0.isLetter || $0.isNumber })
        return """
            <section class="block block--section" aria-labelledby="\(id)">
            <h2 class="block__title" id="\(id)"><a href="\(block.href)">\(block.title)</a></h2>
            <div class="block__grid">\(block.cards.enumerated().map { index, card in ArticleCard.html(card, size: index == 0 ? .standard : .compact) })</div>
            <p class="block__more"><a href="\(block.href)">More \(block.title)</a></p>
            </section>
            """
    }
}
