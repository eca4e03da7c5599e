import Domain
import Foundation

/// Renders a comment's text as HTML: every character escaped, blank lines make paragraphs and
/// single line breaks stay line breaks. No markup from the commenter survives.
public enum CommentText {
    /// The comment's text and its HTML, for storage.
    public static func render(_ text: String) -> CommentBody {
        CommentBody(markdown: text, renderedHTML: CommentMarkdown.html(text))
    }

    public static func html(_ text: String) -> String {
        let paragraphs = text.replacingOccurrences(of: "\r\n", with: "\n")
            .components(separatedBy: "\n\n")
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { !$0.isEmpty }
        return paragraphs.map { paragraph in
            let lines = paragraph.split(separator: "\n").map { HTML.text(String($0)) }
            return "<p>" + HTML.join(lines, separator: "<br>").rendered + "</p>"
        }.joined(separator: "\n")
    }
}
