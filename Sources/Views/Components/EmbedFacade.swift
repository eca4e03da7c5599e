import Domain

/// A privacy-friendly stand-in for third-party media: nothing loads from the provider until the
/// reader clicks. With JavaScript the click swaps in the player; without it the link opens the
/// provider's own page.
public enum EmbedFacade {
    public static func html(for embed: Embed) -> HTML {
        let kind: String
        let noun: String
        switch embed {
        case .youTube: (kind, noun) = ("youtube", "video")
        case .soundCloud: (kind, noun) = ("soundcloud", "audio")
        case .xPost(_, let account): (kind, noun) = ("x", "post by @\(account)")
        }
        let title = "\(embed.providerName) \(noun)"
        return """
            <figure class="embed embed--\(kind)" data-embed-src="\(embed.playerURL)" data-embed-title="\(title)">\
            <div class="embed__facade"><span class="embed__icon" aria-hidden="true"></span>\
            <a class="embed__load" href="\(embed.pageURL)" rel="noopener nofollow" target="_blank">Load \(title)</a>\
            <p class="embed__notice">Loading it contacts \(embed.providerName), which may set cookies.</p></div>\
            </figure>
            """
    }
}
