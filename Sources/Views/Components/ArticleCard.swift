import Domain
import Routes

/// An image ready for an `<img>` element.
public struct ImageModel: Equatable, Sendable {
    public var src: String
    public var alt: String
    public var width: Int
    public var height: Int
    /// Resized copies ("a-480.jpg 480w, …"); empty when there are none.
    public var srcset: String

    public init(src: String, alt: String, width: Int, height: Int, srcset: String = "") {
        self.src = src
        self.alt = alt
        self.width = width
        self.height = height
        self.srcset = srcset
    }

    public init(_ image: FeatureImage) {
        self.init(src: image.path, alt: image.alt, width: image.width, height: image.height, srcset: image.srcset)
    }

    /// `srcset` and `sizes` attributes, when there are resized copies.
    public func sources(sizes: String) -> HTML {
        srcset.isEmpty ? .empty : HTML(" srcset=\"\(srcset)\" sizes=\"\(sizes)\"")
    }
}

/// An article teaser as listings and the home page show it, with every value ready to print.
public struct ArticleCardModel: Equatable, Sendable {
    public var href: String
    public var title: String
    public var standfirst: String
    public var kindLabel: String
    public var section: LinkModel?
    public var authors: [LinkModel]
    public var dateISO: String
    public var dateText: String
    public var readingTime: String
    public var views: String
    public var image: ImageModel?

    public init(
        href: String, title: String, standfirst: String, kindLabel: String, section: LinkModel?,
        authors: [LinkModel], dateISO: String, dateText: String, readingTime: String, views: String,
        image: ImageModel?
    ) {
        self.href = href
        self.title = title
        self.standfirst = standfirst
        self.kindLabel = kindLabel
        self.section = section
        self.authors = authors
        self.dateISO = dateISO
        self.dateText = dateText
        self.readingTime = readingTime
        self.views = views
        self.image = image
    }

    public init(_ summary: ArticleSummary, format: DisplayFormat) {
        self.init(
            href: SiteURL.article(slug: summary.slug).path,
            title: summary.title,
            standfirst: summary.standfirst,
            kindLabel: summary.kind.label,
            section: summary.section.map { LinkModel(label: $0.name, href: SiteURL.section(slug: $0.slug).path) },
            authors: summary.authors.map { LinkModel(label: $0.name, href: SiteURL.author(slug: $0.slug).path) },
            dateISO: DisplayFormat.iso8601(summary.publishedAt),
            dateText: format.date(summary.publishedAt),
            readingTime: "\(summary.readingMinutes) min read",
            views: DisplayFormat.count(summary.viewCount, "View", "Views"),
            image: summary.featureImage.map(ImageModel.init))
    }
}

/// Renders article cards in their three sizes.
public enum ArticleCard {
    public enum Size: String, Sendable {
        case lead, standard, compact
    }

    public static func html(_ card: ArticleCardModel, size: Size, headingLevel: Int = 3) -> HTML {
        let heading = HTML.trusted("h\(min(max(headingLevel, 2), 4))")
        let image =
            size == .compact
            ? nil
            : card.image.map { image in
                HTML(
                    """
                    <a class="card__media" href="\(card.href)" tabindex="-1" aria-hidden="true">\
                    <img src="\(image.src)"\(image.sources(sizes: size == .lead ? "(min-width: 64rem) 36rem, 100vw" : "(min-width: 40rem) 20rem, 7rem")) alt="" \
                    width="\(image.width)" height="\(image.height)" loading="lazy" decoding="async"></a>
                    """)
            }
        return """
            <article class="card card--\(size.rawValue)">
            \(image)
            <div class="card__body">
            <p class="card__kicker">\(card.section.map { s in HTML("<a href=\"\(s.href)\">\(s.label)</a>") } ?? HTML.text(card.kindLabel))\
            \(HTML.when(card.section != nil && card.kindLabel != card.section?.label && card.kindLabel != "News") { HTML(" <span class=\"card__kind\">\(card.kindLabel)</span>") })</p>
            <\(heading) class="card__title"><a href="\(card.href)">\(card.title)</a></\(heading)>
            \(HTML.when(size != .compact && !card.standfirst.isEmpty) { HTML("<p class=\"card__standfirst\">\(card.standfirst)</p>") })
            <p class="card__meta">\(byline(card.authors))<time datetime="\(card.dateISO)">\(card.dateText)</time>\
            \(HTML.when(size != .compact) { HTML(" <span class=\"card__reading\">· \(card.readingTime)</span>") })</p>
            </div>
            </article>
            """
    }

    /// "Ana Ruiz and Tom Ng · ".
    static func byline(_ authors: [LinkModel]) -> HTML {
        guard !authors.isEmpty else { return .empty }
        let names = authors.map { HTML("<a href=\"\($0.href)\">\($0.label)</a>") }
        return "<span class=\"card__byline\">\(Byline.join(names))</span> · "
    }
}

/// Joins names the way English bylines do: "A", "A and B", "A, B and C".
public enum Byline {
    public static func join(_ names: [HTML]) -> HTML {
        switch names.count {
        case 0: return .empty
        case 1: return names[0]
        default:
            return "\(HTML.join(Array(names.dropLast()), separator: ", ")) and \(names[names.count - 1])"
        }
    }

    public static func joinText(_ names: [String]) -> String {
        switch names.count {
        case 0: return ""
        case 1: return names[0]
        default: return names.dropLast().joined(separator: ", ") + " and " + names[names.count - 1]
        }
    }
}
