import Domain
import Testing

@Suite("Slugs")
struct SlugTests {
    @Test("A title becomes lower-case words joined by hyphens, accents folded")
    func makesSlugFromTitle() {
        #expect(Slug.make(from: "Café owners in Zürich — a “cheerful” crowd!") == "cafe-owners-in-zurich-a-cheerful-crowd")
        #expect(Slug.make(from: "  The Mayor's 2026 budget  ") == "the-mayors-2026-budget")
    }

    @Test("A title without letters or digits gets a usable slug")
    func emptyTitle() {
        #expect(Slug.make(from: "🎉🎉") == "untitled")
        #expect(Slug.make(from: "") == "untitled")
    }

    @Test("Long titles are cut at a word boundary")
    func longTitle() {
        let slug = Slug.make(from: String(repeating: "newsroom ", count: 40))
        #expect(slug.count <= Slug.maximumLength)
        #expect(!slug.hasSuffix("-"))
        #expect(Slug.isValid(slug))
    }

    @Test(
        "Only canonical slugs are valid",
        arguments: [
            ("city-council", true), ("a1", true), ("City-Council", false), ("-lead", false), ("double--dash", false),
            ("space here", false), ("", false), ("../etc", false),
        ])
    func validity(slug: String, valid: Bool) {
        #expect(Slug.isValid(slug) == valid)
    }

    @Test("A taken slug gets the first free numeric suffix")
    func uniqueSuffix() async {
        let taken: Set = ["budget", "budget-2"]
        #expect(await Slug.unique("budget") { taken.contains($0) } == "budget-3")
        #expect(await Slug.unique("fresh") { taken.contains($0) } == "fresh")
    }
}
