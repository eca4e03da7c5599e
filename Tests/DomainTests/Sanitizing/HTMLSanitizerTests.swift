import Domain
import Foundation
import Testing

@Suite("HTML sanitizer")
struct HTMLSanitizerTests {
    @Test("The corpus holds well over a hundred hostile payloads")
    func corpusSize() {
        #expect(HostilePayloads.html.count >= 100)
        #expect(Set(HostilePayloads.html).count == HostilePayloads.html.count)
    }

    @Test("No hostile payload survives either policy", arguments: HostilePayloads.html)
    func nothingSurvives(payload: String) {
        for policy in [HTMLPolicy.article, .comment] {
            let output = HTMLSanitizer.sanitize(payload, policy: policy)
            SanitizedMarkup.expectSafe(output, policy: policy, input: payload)
            #expect(HTMLSanitizer.sanitize(output, policy: policy) == output, "sanitising twice changes \(payload)")
        }
    }

    @Test("Disallowed tags lose their tag but keep their text; dangerous ones lose both")
    func tagsAndText() {
        #expect(HTMLSanitizer.sanitize("<p onclick=alert(1)>Water <blink>rose</blink></p>", policy: .article) == "<p>Water rose</p>")
        #expect(HTMLSanitizer.sanitize("<p>a<script>alert(1)</script>b</p>", policy: .article) == "<p>ab</p>")
        #expect(HTMLSanitizer.sanitize("<svg><text>x</text></svg>after", policy: .article) == "after")
        #expect(HTMLSanitizer.sanitize("<object data=x><p>fallback</p></object><p>kept</p>", policy: .article) == "<p>kept</p>")
        #expect(HTMLSanitizer.sanitize("<form action=/x><p>inside</p></form>", policy: .article) == "<p>inside</p>")
    }

    @Test("Every element is closed and stray end tags vanish")
    func balanced() {
        #expect(HTMLSanitizer.sanitize("<b><i>unclosed", policy: .article) == "<b><i>unclosed</i></b>")
        #expect(HTMLSanitizer.sanitize("</p></div>text</em>", policy: .article) == "text")
        #expect(HTMLSanitizer.sanitize("<ul><li>a<li>b</ul>", policy: .article) == "<ul><li>a<li>b</li></li></ul>")
        let deep = String(repeating: "<div>", count: 200) + "x"
        let output = HTMLSanitizer.sanitize(deep, policy: .article)
        #expect(output.components(separatedBy: "<div>").count - 1 == HTMLPolicy.article.maximumDepth)
        #expect(output.hasSuffix("</div>"))
    }

    @Test("Links keep safe addresses and get the rel the policy asks for")
    func links() {
        #expect(
            HTMLSanitizer.sanitize("<a href=\"https://example.com/a?b=1&amp;c=2\" target=\"_blank\">x</a>", policy: .article)
                == "<a href=\"https://example.com/a?b=1&amp;c=2\" target=\"_blank\" rel=\"noopener\">x</a>")
        #expect(
            HTMLSanitizer.sanitize("<a href=\"/about/#team\" rel=\"nofollow bogus\">x</a>", policy: .article)
                == "<a href=\"/about/#team\" rel=\"nofollow\">x</a>")
        #expect(
            HTMLSanitizer.sanitize("<a href=\"mailto:desk@example.org\">x</a>", policy: .article)
                == "<a href=\"mailto:desk@example.org\">x</a>")
        #expect(HTMLSanitizer.sanitize("<a href=\"javascript:alert(1)\" target=\"_top\">x</a>", policy: .article) == "<a>x</a>")
        #expect(
            HTMLSanitizer.sanitize("<a href=\"https://example.com\" target=\"_blank\" rel=\"author\">x</a>", policy: .comment)
                == "<a href=\"https://example.com\" rel=\"nofollow ugc noopener\">x</a>")
    }

    @Test("Rich article markup passes unchanged")
    func richMarkup() {
        let html = """
            <h2>Flood &amp; river</h2><p>Water <em>rose</em> by <strong>2&nbsp;m</strong>.</p>\
            <figure class="wp-caption aligncenter"><img src="/media/a1.jpg" alt="The weir" width="800" height="533" \
            srcset="/media/a1-480.jpg 480w, /media/a1.jpg 800w" sizes="(min-width: 60rem) 50rem, 100vw" loading="lazy">\
            <figcaption>The weir at dawn.</figcaption></figure>\
            <blockquote cite="https://example.org/q"><p>“We were ready.”</p></blockquote>\
            <pre><code class="language-swift">let x = a &lt; b</code></pre>\
            <table><thead><tr><th scope="col">Year</th></tr></thead><tbody><tr><td colspan="2">2026</td></tr></tbody></table>\
            <ol start="3" reversed><li value="3">three</li></ol><p dir="rtl" lang="ar">مرحبا</p>
            """
        #expect(HTMLSanitizer.sanitize(html, policy: .article) == html.replacingOccurrences(of: " reversed>", with: " reversed=\"\">"))
    }

    @Test("Comments keep only the Markdown subset")
    func commentSubset() {
        let html =
            "<h1>Big</h1><p><strong>b</strong> <em>i</em> <code>c</code></p><img src=\"https://x.example/a.png\"><table><tr><td>t</td></tr></table>"
        #expect(HTMLSanitizer.sanitize(html, policy: .comment) == "Big<p><strong>b</strong> <em>i</em> <code>c</code></p>t")
    }

    @Test("Character references: text keeps complete ones, attributes are decoded then escaped")
    func references() {
        #expect(
            HTMLSanitizer.sanitize("<p>&lt;b&gt; &copy; &#8217; & AT&T &bogus;</p>", policy: .article)
                == "<p>&lt;b&gt; &copy; &#8217; &amp; AT&amp;T &amp;bogus;</p>")
        #expect(
            HTMLSanitizer.sanitize("<a title=\"&quot;Q&quot; &amp; &eacute;\" href=\"/x\">x</a>", policy: .article)
                == "<a title=\"&quot;Q&quot; &amp; é\" href=\"/x\">x</a>")
        #expect(
            CharacterReferences.decode("&#106;&#x61;&#118a&#0;&#x110000;&nbsp;&unknown;")
                == "jav" + "a\u{FFFD}\u{FFFD}\u{A0}&unknown;")
    }

    @Test("URLs are read as a browser reads them")
    func urls() {
        let web: Set<String> = ["http", "https"]
        #expect(SafeURL.check(" https://example.com/a b ", schemes: web) == "https://example.com/a b")
        #expect(SafeURL.check("java\tscript:alert(1)", schemes: web) == nil)
        #expect(SafeURL.check("\u{7}https://x", schemes: web) == "https://x")
        #expect(SafeURL.check("https://x\u{7}y", schemes: web) == nil)
        #expect(SafeURL.check("//cdn.example/x.png", schemes: web) == "//cdn.example/x.png")
        #expect(SafeURL.check("./javascript:alert(1)", schemes: web) == "./javascript:alert(1)")
        #expect(SafeURL.check("x:y", schemes: web) == nil)
        #expect(SafeURL.checkSourceSet("/a.jpg 480w, /b.jpg 2x", schemes: web) == "/a.jpg 480w, /b.jpg 2x")
        #expect(SafeURL.checkSourceSet("/a.jpg 480w, data:x 2x", schemes: web) == nil)
    }
}
