import Domain
import Testing

@Suite("Comments as plain text")
struct CommentPlainTextTests {
    @Test("Blocks part words, inline markup does not, references are decoded")
    func plainText() {
        #expect(
            CommentExcerpt.firstWords("<p>I <strong>dis</strong>agree.</p><p>Next line</p><ul><li>x</li><li>y</li></ul>", 100)
                == "I disagree. Next line x y")
        #expect(CommentExcerpt.firstWords("<p>I <strong>disagree</strong>.</p>", 100) == "I disagree.")
        #expect(CommentExcerpt.firstWords("<p>a &lt;b&gt;</p><p>c</p>", 100) == "a <b> c")
    }

    @Test("The first words, with an ellipsis only when there is more")
    func firstWords() {
        #expect(CommentExcerpt.firstWords("<p>one <em>two</em> three</p><p>four</p>", 3) == "one two three…")
        #expect(CommentExcerpt.firstWords("<p>one two</p>", 3) == "one two")
    }

    @Test("A long text gives the same first words as read whole, wherever its start is cut")
    func firstWordsOfLongText() {
        let words = (1...400).map { "wörd\($0)" }
        for padding in 0..<8 {
            // Cuts fall inside a tag, an entity, a two-byte letter and a word as the padding moves.
            let html =
                "<p>" + String(repeating: "<em>a</em> ", count: padding) + words.joined(separator: " <strong>&amp;</strong> ") + "</p>"
            let whole = PlainText.from(html: html).split(separator: " ", maxSplits: 12)
            #expect(CommentExcerpt.firstWords(html, 12) == whole.prefix(12).joined(separator: " ") + "…")
        }
        // Few words in a long text (long markup around them): read whole.
        let sparse = "<p>" + String(repeating: "<em></em>", count: 400) + "just three words</p>"
        #expect(CommentExcerpt.firstWords(sparse, 12) == "just three words")
    }
}
