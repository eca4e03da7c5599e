import Domain
import Foundation
import Ink
import Routes

/// Newsletter editions as mail: the body (assembled from articles, or written in Markdown) made
/// once when the edition is saved, and the per-reader footer with their own links added as each
/// message leaves.
public enum EditionMailView {
    /// A digest's body: each article with its section, headline, standfirst and byline, linked.
    public static func digestBody(_ articles: [ArticleSummary], brand: MailBrand, format: DisplayFormat) -> (html: String, text: String) {
        let items = articles.map { article in
            let href = brand.absolute(.article(slug: article.slug))
            let byline = article.authors.map(\.name)
            let meta = ([article.section?.name].compactMap { $0 } + [format.date(article.publishedAt)]).joined(separator: " · ")
            return HTML(
                """
                <tr><td style="padding:0 0 22px">\
                <div style="font-size:12px;letter-spacing:.05em;text-transform:uppercase;color:#a4221b;margin:0 0 4px">\(meta)</div>\
                <a href="\(href)" style="font-family:\(EmailLayout.serif);font-size:20px;line-height:1.3;font-weight:bold;color:#1c1b19;text-decoration:none">\(article.title)</a>\
                \(HTML.when(!article.standfirst.isEmpty) { HTML("<p style=\"margin:6px 0 0;font-size:15px;line-height:1.55;color:#1c1b19\">\(article.standfirst)</p>") })\
                \(HTML.when(!byline.isEmpty) { HTML("<p style=\"margin:6px 0 0;font-size:13px;color:#5a5853\">By \(TransactionalMailView.listed(byline))</p>") })\
                </td></tr>
                """)
        }
        let html: HTML = """
            <table role="presentation" width="100%" cellpadding="0" cellspacing="0">\(items)</table>\
            <p style="margin:8px 0 0"><a href="\(brand.siteURL)/" style="\(EmailLayout.linkStyle)">More on \(brand.siteTitle)</a></p>
            """
        let text = articles.map { article in
            var lines = [article.title.uppercased()]
            if !article.standfirst.isEmpty { lines.append(article.standfirst) }
            if !article.authors.isEmpty { lines.append("By " + TransactionalMailView.listed(article.authors.map(\.name))) }
            lines.append(brand.absolute(.article(slug: article.slug)))
            return lines.joined(separator: "\n")
        }.joined(separator: "\n\n")
        return (html.rendered, text)
    }

    /// A hand-written edition's body from Markdown: rendered with Ink, styled for mail clients,
    /// links made absolute. The text version is the Markdown itself with absolute links, which
    /// reads well as plain text.
    public static func manualBody(markdown: String, brand: MailBrand) -> (html: String, text: String) {
        // Staff may write HTML in Markdown, as in articles; it passes the same allow-list, so
        // scripts, frames, forms and event handlers never reach a reader's mailbox.
        let rendered = HTMLSanitizer.sanitize(MarkdownParser().html(from: InkInput.prepare(markdown)), policy: .article)
        var html = brand.absolutise(html: rendered)
        for (tag, style) in inlineStyles {
            html = html.replacingOccurrences(of: "<\(tag)>", with: "<\(tag) style=\"\(style)\">")
        }
        html = html.replacingOccurrences(of: "<a href=", with: "<a style=\"\(EmailLayout.linkStyle)\" href=")
            .replacingOccurrences(of: "<img ", with: "<img style=\"max-width:100%;height:auto\" ")
        let text = markdown.replacingOccurrences(of: "](/", with: "](\(brand.siteURL)/")
        return (html, text)
    }

    static let inlineStyles: [(String, String)] = [
        ("p", EmailLayout.paragraphStyle),
        ("h1", "font-family:\(EmailLayout.serif);font-size:24px;line-height:1.25;margin:0 0 16px;color:#1c1b19"),
        ("h2", "font-family:\(EmailLayout.serif);font-size:20px;line-height:1.3;margin:24px 0 12px;color:#1c1b19"),
        ("h3", "font-family:\(EmailLayout.serif);font-size:17px;line-height:1.3;margin:20px 0 10px;color:#1c1b19"),
        ("ul", "margin:0 0 16px;padding-left:22px;font-size:16px;line-height:1.6"),
        ("ol", "margin:0 0 16px;padding-left:22px;font-size:16px;line-height:1.6"),
        ("blockquote", "margin:0 0 16px;padding:0 0 0 14px;border-left:3px solid #a4221b;color:#5a5853"),
    ]
}

/// One edition ready to be addressed: everything but the reader's own links is rendered once,
/// so sending to ten thousand readers costs ten thousand string joins, not renders.
public struct EditionMailTemplate: Sendable {
    public let subject: String
    let htmlHead: String
    let htmlTail: String
    let textBody: String
    let newsletterName: String
    let brand: MailBrand

    public init(subject: String, bodyHTML: String, bodyText: String, newsletterName: String, brand: MailBrand, preheader: String) {
        self.subject = subject
        self.textBody = bodyText
        self.newsletterName = newsletterName
        self.brand = brand
        let marker = "\u{1}GAZETTE-FOOTER\u{1}"
        let document = EmailLayout.document(
            brand: brand, title: subject, preheader: preheader, kicker: newsletterName, content: .trusted(bodyHTML),
            footer: .trusted(marker)
        ).rendered
        let parts = document.components(separatedBy: marker)
        self.htmlHead = parts.first ?? document
        self.htmlTail = parts.count > 1 ? parts[1] : ""
    }

    /// The message for one reader.
    public func render(preferencesLink: String, unsubscribeLink: String) -> (html: String, text: String) {
        let footer: HTML = """
            You receive \(newsletterName) because you subscribed at <a href="\(brand.siteURL)/" style="\(EmailLayout.linkStyle)">\(brand.siteTitle)</a>.<br>\
            <a href="\(preferencesLink)" style="\(EmailLayout.linkStyle)">Manage your newsletters</a> · \
            <a href="\(unsubscribeLink)" style="\(EmailLayout.linkStyle)">Unsubscribe</a>
            """
        let text = """
            \(subject)
            \(newsletterName) · \(brand.siteTitle)

            \(textBody)

            --
            You receive \(newsletterName) because you subscribed at \(brand.siteURL)/
            Manage your newsletters: \(preferencesLink)
            Unsubscribe: \(unsubscribeLink)

            """
        return (htmlHead + footer.rendered + htmlTail, text)
    }
}
