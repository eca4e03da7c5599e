import Routes

/// A link with its visible label.
public struct LinkModel: Equatable, Sendable {
    public var label: String
    public var href: String

    public init(label: String, href: String) {
        self.label = label
        self.href = href
    }
}

/// Paths of the fingerprinted stylesheet, script and icon.
public struct AssetPaths: Equatable, Sendable {
    public var stylesheet: String
    public var script: String
    public var icon: String

    public init(stylesheet: String, script: String, icon: String) {
        self.stylesheet = stylesheet
        self.script = script
        self.icon = icon
    }
}

/// What every page around the main content shows: identity, navigation, footer.
public struct SiteChrome: Equatable, Sendable {
    public var siteTitle: String
    public var tagline: String
    public var language: String
    /// The public origin, e.g. "https://example.org", for canonical and social links.
    public var siteURL: String
    public var navigation: [LinkModel]
    public var footerLinks: [LinkModel]
    public var assets: AssetPaths
    public var year: Int
    /// The masthead logo, if the site has one.
    public var logoPath: String?

    public init(
        siteTitle: String, tagline: String, language: String, siteURL: String, navigation: [LinkModel],
        footerLinks: [LinkModel], assets: AssetPaths, year: Int, logoPath: String? = nil
    ) {
        self.siteTitle = siteTitle
        self.tagline = tagline
        self.language = language
        self.siteURL = siteURL
        self.navigation = navigation
        self.footerLinks = footerLinks
        self.assets = assets
        self.year = year
        self.logoPath = logoPath
    }

    /// An absolute URL for a site path.
    public func absolute(_ url: SiteURL) -> String {
        url.absolute(siteURL: siteURL)
    }
}

/// The `<head>` facts of one page.
public struct PageMeta: Equatable, Sendable {
    public var title: String
    public var description: String
    public var canonicalURL: String
    /// "website" or "article".
    public var openGraphType: String
    public var imageURL: String?
    public var structuredData: HTML?
    /// `noindex` for search results and error pages.
    public var noIndex: Bool
    public var previousURL: String?
    public var nextURL: String?
    /// A payment provider's script, loaded before ours on the one page that takes a card.
    public var providerScript: String?

    public init(
        title: String, description: String, canonicalURL: String, openGraphType: String = "website",
        imageURL: String? = nil, structuredData: HTML? = nil, noIndex: Bool = false, previousURL: String? = nil,
        nextURL: String? = nil, providerScript: String? = nil
    ) {
        self.providerScript = providerScript
        self.title = title
        self.description = description
        self.canonicalURL = canonicalURL
        self.openGraphType = openGraphType
        self.imageURL = imageURL
        self.structuredData = structuredData
        self.noIndex = noIndex
        self.previousURL = previousURL
        self.nextURL = nextURL
    }
}
