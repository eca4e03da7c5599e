/// What markup from people may keep: elements, their attributes, URL schemes, link `rel`.
/// Everything else is removed by `HTMLSanitizer`: disallowed tags lose their tag (their text
/// stays), a few lose their content too, disallowed attributes vanish.
public struct HTMLPolicy: Sendable {
    /// Allowed elements and, for each, its own allowed attributes (besides `globalAttributes`).
    public var elements: [String: Set<String>]
    public var globalAttributes: Set<String>
    /// Elements removed together with everything inside them (foreign content, media players,
    /// form controls whose text means nothing without them).
    public var dropWithContent: Set<String>
    /// Schemes a link (`href`, `cite`) may use; relative and fragment links are always allowed.
    public var linkSchemes: Set<String>
    /// Schemes an image source may use.
    public var imageSchemes: Set<String>
    /// The `rel` every link gets whatever it had (comments); nil keeps allowed tokens.
    public var forcedLinkRel: String?
    /// `rel` tokens a link may keep when `forcedLinkRel` is nil.
    public var allowedRelTokens: Set<String>
    /// Whether `target="_blank"` may stay (it gets `noopener`).
    public var allowsBlankTarget: Bool
    /// Class names kept when they start with one of these (code languages, WordPress alignment).
    public var classPrefixes: [String]
    /// Deeper elements lose their tags (their text stays).
    public var maximumDepth = 64

    /// Article and page bodies, static pages and hand-written newsletter editions: the rich text
    /// a newsroom writes (headings, figures, tables, images), never script, frames, forms,
    /// styles, event handlers or `javascript:`/`data:` URLs. Embeds reach the page only through
    /// our own facades, added after sanitising.
    public static let article = HTMLPolicy(
        elements: [
            "p": [], "br": [], "hr": [], "h1": [], "h2": [], "h3": [], "h4": [], "h5": [], "h6": [],
            "blockquote": ["cite"], "pre": [], "code": ["class"], "em": [], "strong": [], "b": [], "i": [], "u": [], "s": [],
            "del": ["cite", "datetime"], "ins": ["cite", "datetime"], "mark": [], "sub": [], "sup": [], "small": [], "abbr": [],
            "cite": [], "q": ["cite"], "kbd": [], "samp": [], "var": [], "dfn": [], "time": ["datetime"], "span": ["class"],
            "div": ["class"], "a": ["href", "rel", "target"], "figure": ["class"], "figcaption": [],
            "img": ["src", "alt", "width", "height", "srcset", "sizes", "loading", "decoding"],
            "ul": [], "ol": ["start", "reversed", "type"], "li": ["value"], "dl": [], "dt": [], "dd": [],
            "table": [], "caption": [], "thead": [], "tbody": [], "tfoot": [], "tr": [], "th": ["colspan", "rowspan", "scope", "abbr"],
            "td": ["colspan", "rowspan"], "colgroup": ["span"], "col": ["span"], "details": ["open"], "summary": [], "address": [],
            "wbr": [], "bdi": [], "bdo": [],
        ],
        globalAttributes: ["title", "lang", "dir"],
        dropWithContent: ["svg", "math", "select", "datalist", "head", "frameset", "object", "applet", "audio", "video", "canvas", "map"],
        linkSchemes: ["http", "https", "mailto", "tel"], imageSchemes: ["http", "https"], forcedLinkRel: nil,
        allowedRelTokens: ["nofollow", "noopener", "noreferrer", "sponsored", "ugc", "external", "license", "tag", "author"],
        allowsBlankTarget: true, classPrefixes: ["language-", "align", "wp-", "size-", "has-", "is-"])

    /// Reader comments: the Markdown subset (paragraphs, bold, italic, links, quotes, code, lists)
    /// and nothing else. Links are marked as user content that search engines should not credit.
    public static let comment = HTMLPolicy(
        elements: [
            "p": [], "br": [], "em": [], "strong": [], "b": [], "i": [], "del": [], "s": [], "a": ["href", "rel"], "blockquote": [],
            "code": [], "pre": [], "ul": [], "ol": ["start"], "li": [],
        ],
        globalAttributes: [],
        dropWithContent: ["svg", "math", "select", "datalist", "head", "frameset", "object", "applet", "audio", "video", "canvas", "map"],
        linkSchemes: ["http", "https", "mailto"], imageSchemes: [], forcedLinkRel: "nofollow ugc noopener", allowedRelTokens: [],
        allowsBlankTarget: false, classPrefixes: [], maximumDepth: 24)

    /// Elements that never have an end tag.
    static let voidElements: Set<String> = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta", "param", "source", "track", "wbr",
    ]
}
