import Domain
import Foundation
import Ink

/// Renders article and page bodies from Markdown. The admin preview and the public page use this
/// same code, at save time, so a page view never parses Markdown. Staff may write HTML inside
/// their Markdown, so Ink's output always passes the article allow-list before it is stored;
/// embeds are the one exception, and they are our own facades, put in after sanitising in place
/// of a marker nobody can type (it holds a fresh random nonce).
public enum BodyRenderer {
    /// How wide a body image is shown: the text column on wide screens, the screen below it.
    static let bodyImageSizes = "(min-width: 45rem) 42rem, 100vw"

    /// Renders `markdown`. `images` are the media library's images the body shows, by their
    /// address: each `<img>` of one gets its real width and height (no layout shift) and its
    /// resized copies (`srcset`), like a feature image.
    public static func render(markdown: String, images: [String: FeatureImage] = [:]) -> RenderedBody {
        let prepared = isolateEmbedLines(InkInput.prepare(markdown))
        let nonce = "gazette-embed-" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        var embeds: [Embed] = []
        let parser = MarkdownParser(modifiers: [
            Modifier(target: .paragraphs) { html, markdown in
                guard let embed = Embed(url: String(markdown)) else { return html }
                embeds.append(embed)
                return "<p>\(nonce)-\(embeds.count - 1)</p>"
            }
        ])
        let safe = HTMLSanitizer.sanitize(parser.html(from: prepared), policy: .article) { src in
            guard let image = images[src] else { return nil }
            var attributes = [("width", String(image.width)), ("height", String(image.height))]
            if !image.srcset.isEmpty { attributes += [("srcset", image.srcset), ("sizes", bodyImageSizes)] }
            return attributes + [("loading", "lazy"), ("decoding", "async")]
        }
        var html = safe
        var text = safe
        for (index, embed) in embeds.enumerated() {
            let marker = "<p>\(nonce)-\(index)</p>"
            html = html.replacingOccurrences(of: marker, with: EmbedFacade.html(for: embed).rendered)
            text = text.replacingOccurrences(of: marker, with: "")
        }
        let plain = PlainText.from(html: text)
        return RenderedBody(html: html, text: plain, wordCount: PlainText.wordCount(plain))
    }

    /// Puts blank lines around every line that holds only an embeddable URL, so Ink reads it as a
    /// paragraph of its own even when the writer did not leave blank lines. Code blocks are left as
    /// they are.
    static func isolateEmbedLines(_ markdown: String) -> String {
        var output: [Substring] = []
        var inFence = false
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") { inFence.toggle() }
            if !inFence, !line.hasPrefix("    "), Embed(url: trimmed) != nil {
                output.append("")
                output.append(Substring(trimmed))
                output.append("")
            } else {
                output.append(line)
            }
        }
        return output.joined(separator: "\n")
    }
}
