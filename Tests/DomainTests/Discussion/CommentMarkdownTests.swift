import Domain
import Testing

@Suite("The Markdown readers may use")
struct CommentMarkdownTests {
    @Test("Bold, italic, code, quotes, lists and links; paragraphs and line breaks")
    func subset() {
        let html = CommentMarkdown.html(
            "**Bold** and *italic* and _also_ with `a < b`.\nNext line.\n\n> A quote\n> goes on\n\n- one\n- two\n\n1. first\n2. second\n\n[Council](https://example.org/a?b=1&c=2) and https://example.org/x."
        )
        #expect(
            html.contains("<p><strong>Bold</strong> and <em>italic</em> and <em>also</em> with <code>a &lt; b</code>.<br>Next line.</p>"))
        #expect(html.contains("<blockquote><p>A quote<br>goes on</p></blockquote>"))
        #expect(html.contains("<ul><li>one</li><li>two</li></ul>"))
        #expect(html.contains("<ol><li>first</li><li>second</li></ol>"))
        #expect(html.contains("<a href=\"https://example.org/a?b=1&amp;c=2\" rel=\"nofollow ugc noopener\">Council</a>"))
        #expect(html.contains("<a href=\"https://example.org/x\" rel=\"nofollow ugc noopener\">https://example.org/x</a>."))
    }

    @Test("Everything else is shown as typed: tags, headings, images, entities")
    func escaped() {
        let html = CommentMarkdown.html("# Not a heading\n\n<b>tag</b> ![img](https://x.org/a.png) &amp; <script>alert(1)</script>")
        #expect(html.contains("<p># Not a heading</p>"))
        #expect(html.contains("&lt;b&gt;tag&lt;/b&gt; !<a href=\"https://x.org/a.png\""))  // an image is only a link
        #expect(html.contains("&amp;amp; &lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!html.contains("<script") && !html.contains("<b>") && !html.contains("<img"))
    }

    @Test(
        "Links cannot break out of their attribute or use another scheme",
        arguments: [
            "[x](https://example.com\" onmouseover=\"alert(1))", "[x](javascript:alert(1))", "[x](data:text/html,<b>)",
            "https://example.com\"onmouseover=\"alert(1)", "[x](https://a.org/\"><img src=x onerror=alert(1)>)",
        ])
    func breakouts(_ text: String) {
        let html = CommentMarkdown.html(text)
        let attributes = HTMLTokenizer(html).flatMap { token -> [String] in
            guard case .start(_, let attributes) = token else { return [] }
            return attributes.map(\.name)
        }
        #expect(Set(attributes).isSubset(of: ["href", "rel"]), "\(html)")
        #expect(!html.contains("href=\"javascript") && !html.contains("href=\"data"))
    }

    @Test("Unpaired markers and snake_case stay as typed; code keeps its stars")
    func literal() {
        #expect(CommentMarkdown.html("a * b and snake_case_name") == "<p>a * b and snake_case_name</p>")
        #expect(CommentMarkdown.html("`**not bold**`") == "<p><code>**not bold**</code></p>")
        #expect(CommentMarkdown.html("```\n<b>x</b>\n  y\n```") == "<pre><code>&lt;b&gt;x&lt;/b&gt;\n  y</code></pre>")
    }

    @Test("Markup characters joined to a neighbour (a prefix sign before, an accent after) are still escaped, not lost")
    func joinedCharacters() {
        // U+0600 joins the next character into one, U+0301 joins the one before: "<" and "'" hid
        // inside those and reached the sanitiser raw, which dropped the reader's text as a tag.
        #expect(CommentMarkdown.html("\u{0600}<b>kept</b> too") == "<p>\u{0600}&lt;b&gt;kept&lt;/b&gt; too</p>")
        #expect(CommentMarkdown.html("it'\u{0301}s <\u{0301}i>") == "<p>it&#39;\u{0301}s &lt;\u{0301}i&gt;</p>")
        #expect(CommentMarkdown.html("\u{E000}0\u{E001} [a](https://a.org)").hasPrefix("<p>\u{FFFD}0\u{FFFD} <a href"))
    }
}

@Suite("Long comments cut for \"Read more\"")
struct CommentExcerptTests {
    @Test("A comment under the limit is not cut")
    func short() {
        #expect(CommentExcerpt.split("<p>One two three.</p>", words: 3) == nil)
    }

    @Test("The cut falls between words; the head closes what is open and the tail opens it again")
    func cut() throws {
        let html = "<p>One <strong>two three four</strong> five.</p><p>Six seven.</p>"
        let (head, tail) = try #require(CommentExcerpt.split(html, words: 3))
        #expect(head == "<p>One <strong>two three</strong></p>")
        #expect(tail == "<p><strong> four</strong> five.</p><p>Six seven.</p>")
        #expect(CommentExcerpt.wordCount(head) == 3)
        #expect(CommentExcerpt.wordCount(head) + CommentExcerpt.wordCount(tail) == CommentExcerpt.wordCount(html))
    }

    @Test("Escaped text stays escaped on both sides")
    func escaping() throws {
        let (head, tail) = try #require(CommentExcerpt.split("<p>a &lt;b&gt; c &amp; d</p>", words: 2))
        #expect(head == "<p>a &lt;b&gt;</p>")
        #expect(tail == "<p> c &amp; d</p>")
    }
}
