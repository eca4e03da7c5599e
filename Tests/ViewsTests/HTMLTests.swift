import Routes
import Testing
import Views

@Suite("Escaping by construction")
struct HTMLTests {
    @Test("Interpolated text is escaped for text and attribute context")
    func escapesStrings() {
        let hostile = "\"><script>alert('x')</script>&"
        let html: HTML = "<a title=\"\(hostile)\">\(hostile)</a>"
        #expect(
            html.rendered
                == "<a title=\"&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;\">&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;</a>"
        )
    }

    @Test("Fragments that are already HTML go in unchanged, text does not")
    func composes() {
        let inner: HTML = "<em>\("a < b")</em>"
        let outer: HTML = "<p>\(inner) and \([inner, inner])</p>"
        #expect(outer.rendered == "<p><em>a &lt; b</em> and <em>a &lt; b</em><em>a &lt; b</em></p>")
    }

    @Test("Typed links are printed as escaped paths")
    func links() {
        let html: HTML = "<a href=\"\(SiteURL.search(query: "flood & \"river\"", page: 2))\">x</a>"
        #expect(html.rendered == "<a href=\"/search?q=flood+%26+%22river%22&amp;page=2\">x</a>")
    }

    @Test("Text with nothing to escape is copied as is, including non-ASCII")
    func fastPath() {
        let html: HTML = "<p>\("Zürich — café ☕")</p>"
        #expect(html.rendered == "<p>Zürich — café ☕</p>")
    }
}
