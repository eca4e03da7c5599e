import Routes

/// The article page. The `<article>` element carries what the script needs to count the view and
/// to chain the next article below ("Continue Reading").
public enum ArticleShowView {
    /// The page; `preview` marks an unpublished draft shown through a private link.
    public static func render(_ model: ArticleShowModel, preview: Bool = false) -> HTML {
        let meta = PageMeta(
            title: model.metaTitle, description: model.metaDescription, canonicalURL: model.canonicalURL,
            openGraphType: "article", imageURL: model.figure.map { model.chrome.siteURL + $0.image.src },
            structuredData: preview ? nil : model.structuredData(), noIndex: preview,
            nextURL: model.next.map { model.chrome.siteURL + $0.href })
        let main: HTML = """
            \(HTML.when(preview) { "<p class=\"preview-banner\" role=\"note\">Preview: this is how the article will look. It is not public.</p>" })
            <div class="article-layout">
            <div class="article-stream">
            \(article(model))
            </div>
            <aside class="article-layout__aside sidebar" aria-label="More">
            \(Widgets.sidebar(model.sidebar, siteTitle: model.chrome.siteTitle))
            </aside>
            </div>
            """
        return Layout.page(chrome: model.chrome, meta: meta, bodyClass: "page-article", main: main)
    }

    /// The article itself and its "Continue Reading" link; this is the part the script appends
    /// when it loads the next article.
    public static func article(_ model: ArticleShowModel) -> HTML {
        """
        <article class="article" id="article-\(model.articleID)" data-article-id="\(model.articleID)" \
        data-href="\(model.href)" data-title="\(model.metaTitle)" data-beacon="\(SiteURL.viewBeacon)">
        <header class="article__header">
        <p class="article__kicker">\(model.section.map { s in HTML("<a href=\"\(s.href)\">\(s.label)</a>") })\
        \(HTML.when(model.section?.label != model.kindLabel) { HTML(" <span class=\"article__kind\">\(model.kindLabel)</span>") })</p>
        <h1 class="article__title">\(model.title)</h1>
        \(HTML.when(!model.standfirst.isEmpty) { HTML("<p class=\"article__standfirst\">\(model.standfirst)</p>") })
        \(byline(model))
        <p class="article__meta">\
        <span>Published on <time datetime="\(model.publishedISO)">\(model.publishedText)</time></span>\
        \(model.updatedText.map { text in HTML("<span>Updated <time datetime=\"\(model.updatedISO ?? "")\">\(text)</time></span>") })\
        <span class="article__views" data-view-count>\(model.views)</span>\
        <span>\(model.readingTime)</span>\
        <a href="#comments-\(model.articleID)">\(DisplayFormat.count(model.discussion.commentCount, "Comment", "Comments"))</a></p>
        </header>
        \(model.figure.map(figure))
        <div class="article__body prose">
        \(model.body)
        </div>
        \(model.syndication.map { s in HTML("<p class=\"article__syndication\">Authored by \(s.authors) via <a href=\"\(s.originalURL)\" rel=\"noopener\">\(s.outlet)</a></p>") })
        \(model.inlineAds.map(Widgets.ad))
        \(model.support.map(support))
        <footer class="article__footer">
        \(tags(model.tags))
        \(share(model.share, articleID: model.articleID))
        </footer>
        \(bios(model.authors))
        \(DiscussionView.html(model.discussion))
        </article>
        \(model.next.map { next in HTML("""
            <nav class="continue-reading" aria-label="Next article" data-next-href="\(next.href)">
            <a href="\(next.href)" rel="next"><span class="continue-reading__label">Continue Reading</span> \
            <span class="continue-reading__title">\(next.label)</span></a>
            </nav>
            """) })
        """
    }

    static func byline(_ model: ArticleShowModel) -> HTML {
        guard !model.authors.isEmpty else { return .empty }
        let avatars = model.authors.map { avatar($0, size: 40) }
        let names = model.authors.map { HTML("<a rel=\"author\" href=\"\($0.href)\">\($0.name)</a>") }
        return """
            <div class="article__byline"><span class="article__avatars">\(avatars)</span>\
            <span>By \(Byline.join(names))</span></div>
            """
    }

    static func avatar(_ author: BylineAuthorModel, size: Int) -> HTML {
        if let src = author.avatarSrc {
            return "<img class=\"avatar\" src=\"\(src)\" alt=\"\" width=\"\(size)\" height=\"\(size)\">"
        }
        return Avatar.html(name: author.name, key: author.avatarKey, size: size)
    }

    static func figure(_ figure: FigureModel) -> HTML {
        """
        <figure class="article__figure">
        <img src="\(figure.image.src)"\(figure.image.sources(sizes: "(min-width: 64rem) 52rem, 100vw")) alt="\(figure.image.alt)" \
        width="\(figure.image.width)" height="\(figure.image.height)" decoding="async">
        \(HTML.when(!figure.caption.isEmpty) { HTML("<figcaption>\(figure.caption)</figcaption>") })
        </figure>
        """
    }

    static func support(_ support: SupportCalloutModel) -> HTML {
        """
        <aside class="support-callout" aria-label="Support us">
        <p>\(support.text)</p>
        <a class="button" href="\(support.link.href)">\(support.link.label)</a>
        </aside>
        """
    }

    static func tags(_ tags: [LinkModel]) -> HTML {
        guard !tags.isEmpty else { return .empty }
        return """
            <div class="article__tags"><h2 class="visually-hidden">Tags</h2><ul class="tag-list">\
            \(tags.map { HTML("<li><a href=\"\($0.href)\" rel=\"tag\">\($0.label)</a></li>") })</ul></div>
            """
    }

    static func share(_ links: [LinkModel], articleID: Int) -> HTML {
        """
        <div class="share" aria-labelledby="share-\(articleID)"><h2 class="share__title" id="share-\(articleID)">Share</h2><ul class="share__list">\
        \(links.map { HTML("<li><a href=\"\($0.href)\" rel=\"noopener nofollow\" target=\"_blank\">\($0.label)</a></li>") })</ul></div>
        """
    }

    static func bios(_ authors: [BylineAuthorModel]) -> HTML {
        let boxes = authors.filter { !$0.bio.isEmpty }.map { author in
            HTML(
                """
                <section class="author-bio" aria-label="About \(author.name)">\(avatar(author, size: 64))<div>\
                <h2 class="author-bio__name"><a href="\(author.href)">\(author.name)</a></h2>\
                \(HTML.when(!author.title.isEmpty) { HTML("<p class=\"author-bio__title\">\(author.title)</p>") })\
                <p>\(author.bio)</p></div></section>
                """)
        }
        return HTML.join(boxes)
    }
}
