import Domain
import Testing

@Suite("Comments as plain text")
struct CommentPlainTextTests {
    @Test("Blocks part words, inline markup does not, references are decoded")
    func plainText() {
        #expect(
            CommentExcerpt.plainText("<p>I <strong>dis</strong>agree.</p><p>Next line</p><ul><li>x</li><li>y</li></ul>")
                == "I disagree. Next line x y")
        #expect(CommentExcerpt.plainText("<p>I <strong>disagree</strong>.</p>") == "I disagree.")
        #expect(CommentExcerpt.plainText("<p>a &lt;b&gt;</p><p>c</p>") == "a <b> c")
    }
}
