import Routes

/// The page shell: head, masthead with navigation and search, the main landmark, the footer.
public enum Layout {
    public static func page(chrome: SiteChrome, meta: PageMeta, bodyClass: String, main: HTML) -> HTML {
        """
        <!DOCTYPE html>
        <html lang="\(chrome.language)">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(meta.title)</title>
        <meta name="description" content="\(meta.description)">
        <link rel="canonical" href="\(meta.canonicalURL)">
        \(HTML.when(meta.noIndex) { "<meta name=\"robots\" content=\"noindex\">\n" })\
        \(meta.previousURL.map { url in HTML("<link rel=\"prev\" href=\"\(url)\">\n") })\
        \(meta.nextURL.map { url in HTML("<link rel=\"next\" href=\"\(url)\">\n") })\
        <meta name="color-scheme" content="light dark">
        <meta property="og:site_name" content="\(chrome.siteTitle)">
        <meta property="og:type" content="\(meta.openGraphType)">
        <meta property="og:title" content="\(meta.title)">
        <meta property="og:description" content="\(meta.description)">
        <meta property="og:url" content="\(meta.canonicalURL)">
        \(meta.imageURL.map { url in HTML("<meta property=\"og:image\" content=\"\(url)\">\n") })\
        <meta name="twitter:card" content="\(meta.imageURL == nil ? "summary" : "summary_large_image")">
        <link rel="icon" href="\(chrome.assets.icon)" type="image/svg+xml">
        <link rel="stylesheet" href="\(chrome.assets.stylesheet)">
        \(meta.providerScript.map { HTML("<script src=\"\($0)\" defer></script>\n") })\
        <script src="\(chrome.assets.script)" defer></script>
        \(meta.structuredData)
        </head>
        <body class="\(bodyClass)">
        <a class="skip-link" href="#main">Skip to content</a>
        \(masthead(chrome))
        <main id="main" class="site-main" tabindex="-1">
        \(main)
        </main>
        \(footer(chrome))
        </body>
        </html>
        """
    }

    static func masthead(_ chrome: SiteChrome) -> HTML {
        let links = chrome.navigation.map { link in
            HTML("<li><a href=\"\(link.href)\">\(link.label)</a></li>")
        }
        return """
            <header class="masthead">
            <div class="masthead__inner">
            <a class="masthead__brand" href="\(SiteURL.home)">\
            \(chrome.logoPath.map { HTML("<img class=\"masthead__logo\" src=\"\($0)\" alt=\"\" height=\"56\">") })\
            <span class="masthead__title">\(chrome.siteTitle)</span>\
            <span class="masthead__tagline">\(chrome.tagline)</span></a>
            <form class="masthead__search" role="search" action="\(SiteURL.Pattern.search)" method="get">
            <input id="site-search" type="search" name="q" placeholder="Search" maxlength="200" aria-label="Search articles">
            <button type="submit">Search</button>
            </form>
            </div>
            <nav class="site-nav" aria-label="Sections">
            <ul>
            <li><a href="\(SiteURL.home)">Latest</a></li>
            \(links)
            </ul>
            </nav>
            </header>
            """
    }

    static func footer(_ chrome: SiteChrome) -> HTML {
        let links = chrome.footerLinks.map { link in
            HTML("<li><a href=\"\(link.href)\">\(link.label)</a></li>")
        }
        return """
            <footer class="site-footer">
            <div class="site-footer__inner">
            <p class="site-footer__brand">\(chrome.siteTitle)</p>
            <nav aria-label="Site"><ul>\(links)</ul></nav>
            <p class="site-footer__legal">© \(chrome.year) \(chrome.siteTitle). Published with Gazette.</p>
            </div>
            </footer>
            """
    }
}
