import Domain
import Foundation
import Routes

/// A numbered entry of the Trending list.
/// An article in the Trending list. It carries no view count: the list is ordered by recent
/// reads with decay, which no single figure shows, and all-time totals beside it looked shuffled.
public struct TrendingItem: Equatable, Sendable {
    public var title: String
    public var href: SiteURL

    public init(title: String, href: SiteURL) {
        self.title = title
        self.href = href
    }
}

/// The channel call-out: a title ("Join our YouTube channel"), a line of text, and its links.
public struct ChannelCalloutModel: Equatable, Sendable {
    public var title: String
    public var text: String
    public var links: [LinkModel]

    public init(title: String, text: String, links: [LinkModel]) {
        self.title = title
        self.text = text
        self.links = links
    }

    /// The call-out the settings describe, or nil when it has no links.
    public init?(_ settings: SiteSettings) {
        guard !settings.channelLinks.isEmpty else { return nil }
        self.init(
            title: settings.channelTitle, text: settings.channelText,
            links: settings.channelLinks.map { LinkModel(label: $0.label, href: $0.url) })
    }
}

/// The widgets beside the content on the home page, articles and listings, in one order
/// everywhere: Trending, the newsletter box, quick donate, the channel call-out, then ad slots.
public struct SidebarModel: Equatable, Sendable {
    public var trending: [TrendingItem]
    public var newsletter: Bool
    public var quickDonate: QuickDonateModel?
    public var channel: ChannelCalloutModel?
    public var ads: [AdModel]

    public init(trending: [TrendingItem], newsletter: Bool, quickDonate: QuickDonateModel?, channel: ChannelCalloutModel?, ads: [AdModel]) {
        self.trending = trending
        self.newsletter = newsletter
        self.quickDonate = quickDonate
        self.channel = channel
        self.ads = ads
    }

    /// The sidebar the settings ask for, with the ad slots of `placement` (none for nil).
    public init(settings: SiteSettings, trending: [TrendingItem], ads placement: AdSlot.Placement?) {
        self.init(
            trending: trending, newsletter: settings.showNewsletterBox,
            quickDonate: settings.showQuickDonate && !settings.donationProviders.isEmpty
                ? QuickDonateModel(
                    amount: settings.quickDonateAmount, currencies: settings.donationCurrencies, text: settings.quickDonateText,
                    providers: settings.donationProviders) : nil,
            channel: ChannelCalloutModel(settings), ads: placement.map { settings.ads(for: $0).map(AdModel.init) } ?? [])
    }
}

/// The quick-donate widget's settings.
public struct QuickDonateModel: Equatable, Sendable {
    public var amount: Int
    public var currencies: [String]
    /// The button's words, "{amount}" replaced ("Donate a quick 10 spot!").
    public var text: String
    public var providers: [DonationProvider]

    public init(
        amount: Int, currencies: [String], text: String = "Donate a quick {amount} spot!", providers: [DonationProvider] = [.stripe]
    ) {
        self.amount = amount
        self.currencies = currencies
        self.text = text
        self.providers = providers
    }

    public var headline: String { text.replacingOccurrences(of: "{amount}", with: String(amount)) }
}

/// An advertisement slot; its content is the owner's snippet or a house ad.
public struct AdModel: Equatable, Sendable {
    public var name: String
    public var snippet: HTML

    public init(name: String, snippet: HTML) {
        self.name = name
        self.snippet = snippet
    }

    /// The owner's snippet for the slot, or a house ad pointing at the donate page.
    public init(_ slot: AdSlot) {
        self.name = slot.name
        self.snippet = slot.html.isEmpty ? Self.houseAd : .trusted(slot.html)
    }

    static let houseAd: HTML = """
        <a class="ad__house" href="\(SiteURL.donate())"><strong>Journalism without a paywall.</strong> \
        <span>Readers keep this site free for everyone. Become a supporter today.</span></a>
        """
}

/// The sidebar and home-page widgets.
public enum Widgets {
    public static func trending(_ items: [TrendingItem], headingID: String = "trending-heading") -> HTML {
        guard !items.isEmpty else { return .empty }
        let entries = items.map { item in
            HTML("<li><a href=\"\(item.href)\">\(item.title)</a></li>")
        }
        return """
            <section class="widget trending" aria-labelledby="\(headingID)">
            <h2 class="widget__title" id="\(headingID)">Trending</h2>
            <p class="widget__note">Most read in the last two days, the latest reads counting most.</p>
            <ol class="trending__list">\(entries)</ol>
            </section>
            """
    }

    public static func newsletter(siteTitle: String) -> HTML {
        """
        <section class="widget newsletter" aria-labelledby="newsletter-heading">
        <h2 class="widget__title" id="newsletter-heading">Newsletter</h2>
        <p>The day’s stories from \(siteTitle), in your inbox every morning. Free, and you can leave with one click.</p>
        <form class="newsletter__form" action="\(SiteURL.newsletter)" method="post">
        <label for="newsletter-email">Email address</label>
        <input id="newsletter-email" type="email" name="email" required autocomplete="email" maxlength="254">
        <label for="newsletter-name">Name <span class="optional">(optional)</span></label>
        <input id="newsletter-name" type="text" name="name" autocomplete="name" maxlength="120">
        <div class="hp" aria-hidden="true"><label for="newsletter-website">Leave this empty</label>\
        <input id="newsletter-website" type="text" name="website" tabindex="-1" autocomplete="off"></div>
        <button type="submit">Sign up</button>
        </form>
        <p class="widget__more"><a href="\(SiteURL.newsletter)">All our newsletters</a></p>
        </section>
        """
    }

    /// One-click giving of a fixed amount: a currency, an address for the receipt, and a button
    /// per payment provider, straight to the provider's step.
    public static func quickDonate(_ model: QuickDonateModel) -> HTML {
        typealias Field = DonationForm.Field
        let currencies = model.currencies.enumerated().map { index, code in
            HTML("<option value=\"\(code)\"\(HTML.when(index == 0) { " selected" })>\(code)</option>")
        }
        let buttons = model.providers.map { provider in
            HTML("<button type=\"submit\" name=\"\(Field.provider.name)\" value=\"\(provider.rawValue)\">\(provider.label)</button>")
        }
        return """
            <section class="widget donate" aria-labelledby="donate-heading">
            <h2 class="widget__title" id="donate-heading">\(model.headline)</h2>
            <p>We are funded by readers, not by billionaires or paywalls.</p>
            <form class="donate__form" action="\(SiteURL.donateCheckout)" method="post">
            <input type="hidden" name="\(Field.amount.name)" value="\(model.amount)">
            <input type="hidden" name="\(Field.frequency.name)" value="\(DonationFrequency.once.rawValue)">
            <select id="donate-currency" name="\(Field.currency.name)" aria-label="Currency">\(currencies)</select>
            <input id="donate-email" type="email" name="\(Field.email.name)" required autocomplete="email" placeholder="Email for your receipt" \
            aria-label="Email for your receipt">
            <div class="donate__providers">\(buttons)</div>
            </form>
            <p class="donate__more"><a href="\(SiteURL.donate())">Choose another amount or give monthly</a></p>
            </section>
            """
    }

    /// The sidebar's widgets, in the order the model describes.
    public static func sidebar(_ model: SidebarModel, siteTitle: String) -> HTML {
        """
        \(trending(model.trending))
        \(HTML.when(model.newsletter) { newsletter(siteTitle: siteTitle) })
        \(model.quickDonate.map(quickDonate))
        \(model.channel.map(channel))
        \(model.ads.map(ad))
        """
    }

    public static func channel(_ model: ChannelCalloutModel) -> HTML {
        let items = model.links.map { HTML("<li><a class=\"channel__link\" href=\"\($0.href)\" rel=\"noopener\">\($0.label)</a></li>") }
        return """
            <section class="widget channel" aria-labelledby="channel-heading">
            <h2 class="widget__title" id="channel-heading">\(model.title)</h2>
            \(HTML.when(!model.text.isEmpty) { HTML("<p>\(model.text)</p>") })
            <ul class="channel__links">\(items)</ul>
            </section>
            """
    }

    public static func ad(_ ad: AdModel) -> HTML {
        """
        <aside class="ad" aria-label="Advertisement" data-slot="\(ad.name)">
        <p class="ad__label">Advertisement</p>
        <div class="ad__content">\(ad.snippet)</div>
        </aside>
        """
    }
}

/// Previous / next links for a listing.
public struct PagerModel: Equatable, Sendable {
    public var current: Int
    public var total: Int
    public var previous: Link?
    public var next: Link?

    public init(current: Int, total: Int, previous: Link?, next: Link?) {
        self.current = current
        self.total = total
        self.previous = previous
        self.next = next
    }

    /// The pager of one page of a listing, `link` giving the address of page N.
    public init<Item>(_ result: Paged<Item>, link: (Int) -> Link) {
        let number = result.page.number
        self.init(
            current: number, total: result.pageCount, previous: result.hasPrevious ? link(number - 1) : nil,
            next: result.hasNext ? link(number + 1) : nil)
    }
}

public enum Pager {
    public static func html(_ pager: PagerModel) -> HTML {
        guard pager.total > 1 else { return .empty }
        return """
            <nav class="pager" aria-label="Pages">
            \(pager.previous.map { HTML("<a class=\"pager__prev\" href=\"\($0)\" rel=\"prev\">← Newer</a>") })\
            <span class="pager__status">Page \(pager.current) of \(pager.total)</span>\
            \(pager.next.map { HTML("<a class=\"pager__next\" href=\"\($0)\" rel=\"next\">Older →</a>") })
            </nav>
            """
    }
}
