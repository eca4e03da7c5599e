import Domain
import Foundation
import Ink

/// Renders article and page bodies from Markdown. The admin preview and the public page use this
/// same code, at save time, so a page view never parses Markdown.
public enum BodyRenderer {
    public static func render(markdown: String) -> RenderedBody {
        let prepared = isolateEmbedLines(markdown)
        let html = parser(embeds: true).html(from: prepared)
        let text = PlainText.from(html: parser(embeds: false).html(from: prepared))
        return RenderedBody(html: html, text: text, wordCount: PlainText.wordCount(text))
    }

    /// An Ink parser whose paragraphs made of a lone provider URL become embed facades (or vanish,
    /// for the text-only rendering).
    static func parser(embeds: Bool) -> MarkdownParser {
        MarkdownParser(modifiers: [
            Modifier(target: .paragraphs) { html, markdown in
                guard let embed = Embed(url: String(markdown)) else { return html }
                return embeds ? EmbedFacade.html(for: embed).rendered : ""
            }
        ])
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
