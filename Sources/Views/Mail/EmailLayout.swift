import Domain
import Foundation
import Routes

/// What a rendered email is: a subject and the same content as text and HTML.
public struct MailContent: Equatable, Sendable {
    public var subject: String
    public var text: String
    public var html: String

    public init(subject: String, text: String, html: String) {
        self.subject = subject
        self.text = text
        self.html = html
    }
}

/// The site as mail presents it.
public struct MailBrand: Equatable, Sendable {
    public var siteTitle: String
    /// The public origin; every link in mail is absolute.
    public var siteURL: String
    public var language: String

    public init(siteTitle: String, siteURL: String, language: String = "en") {
        self.siteTitle = siteTitle
        var base = siteURL
        while base.hasSuffix("/") { base.removeLast() }
        self.siteURL = base
        self.language = language
    }

    public func absolute(_ url: SiteURL) -> String { url.absolute(siteURL: siteURL) }

    /// Site-relative `href` and `src` attributes made absolute (mail has no base address).
    public func absolutise(html: String) -> String {
        html.replacingOccurrences(of: "href=\"/", with: "href=\"\(siteURL)/")
            .replacingOccurrences(of: "src=\"/", with: "src=\"\(siteURL)/")
            .replacingOccurrences(of: "\(siteURL)//", with: "//")
    }
}

/// The shell every email shares, in the site's colours and type: a masthead, the content, a
/// footer. Mail clients ignore style sheets, so styles are inline; the layout is one centred
/// column that reads on a phone.
public enum EmailLayout {
    static let serif = "Georgia, 'Iowan Old Style', 'Palatino Linotype', serif"
    static let sans = "-apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif"
    public static let paragraphStyle = "margin:0 0 16px;font-size:16px;line-height:1.6;color:#1c1b19"
    public static let linkStyle = "color:#1f4e8c"
    public static let buttonStyle =
        "display:inline-block;background:#a4221b;color:#ffffff;text-decoration:none;font-weight:bold;padding:12px 22px;border-radius:4px"

    /// The document around `content`. `preheader` is the line inboxes show after the subject.
    public static func document(brand: MailBrand, title: String, preheader: String, kicker: String?, content: HTML, footer: HTML) -> HTML {
        """
        <!DOCTYPE html>
        <html lang="\(brand.language)">
        <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">\
        <meta name="color-scheme" content="light"><title>\(title)</title></head>
        <body style="margin:0;padding:0;background:#fbfaf7">
        <div style="display:none;max-height:0;overflow:hidden;opacity:0">\(preheader)</div>
        <table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#fbfaf7"><tr><td align="center" style="padding:24px 12px">
        <table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:600px;background:#ffffff;border:1px solid #dedbd3;font-family:\(sans)">
        <tr><td style="padding:24px 28px 12px;border-bottom:3px solid #a4221b">\
        <a href="\(brand.siteURL)/" style="font-family:\(serif);font-size:28px;font-weight:bold;color:#1c1b19;text-decoration:none">\(brand.siteTitle)</a>\
        \(kicker.map { HTML("<div style=\"font-size:13px;letter-spacing:.06em;text-transform:uppercase;color:#a4221b;margin-top:6px\">\($0)</div>") })\
        </td></tr>
        <tr><td style="padding:24px 28px">
        \(content)
        </td></tr>
        <tr><td style="padding:18px 28px 24px;border-top:1px solid #dedbd3;font-size:13px;line-height:1.5;color:#5a5853">
        \(footer)
        </td></tr>
        </table>
        </td></tr></table>
        </body>
        </html>
        """
    }

    public static func heading(_ text: String) -> HTML {
        "<h1 style=\"font-family:\(serif);font-size:24px;line-height:1.25;color:#1c1b19;margin:0 0 16px\">\(text)</h1>"
    }

    public static func paragraph(_ text: String) -> HTML {
        "<p style=\"\(paragraphStyle)\">\(text)</p>"
    }

    public static func button(_ label: String, href: String) -> HTML {
        """
        <p style="margin:24px 0"><a href="\(href)" style="\(buttonStyle)">\(label)</a></p>\
        <p style="font-size:13px;line-height:1.5;color:#5a5853;margin:0 0 16px;word-break:break-all">If the button does not work, \
        copy this address into your browser: <a href="\(href)" style="\(linkStyle)">\(href)</a></p>
        """
    }

    /// The plain-text footer line naming the site.
    public static func textSignature(_ brand: MailBrand) -> String {
        "— \(brand.siteTitle)\n\(brand.siteURL)/"
    }
}
