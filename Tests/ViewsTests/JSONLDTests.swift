import Foundation
import Testing

@testable import Views

@Suite("Structured data")
struct JSONLDTests {
    @Test("Strings are escaped so the JSON stays valid and cannot close its script element")
    func escaping() throws {
        let html = JSONLD.script(.object([("headline", .string("Quote \" slash \\ line\nend </script><b>&\u{1}"))]))
        #expect(
            html.rendered
                == "<script type=\"application/ld+json\">{\"headline\":\"Quote \\\" slash \\\\ line\\nend \\u003c/script\\u003e\\u003cb\\u003e\\u0026\\u0001\"}</script>"
        )
    }

    @Test("What we write is JSON a parser reads back")
    func parses() throws {
        var json = ""
        JSONValue.object([("a", .array([.string("ü"), .string("x\ty")])), ("b", .object([]))]).write(to: &json)
        let parsed = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        #expect((parsed?["a"] as? [String]) == ["ü", "x\ty"])
    }
}
