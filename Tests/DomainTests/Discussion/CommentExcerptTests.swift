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
}
