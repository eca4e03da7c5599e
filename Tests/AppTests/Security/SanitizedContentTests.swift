import Domain
import Foundation
import Ink
import Testing
import Views

@testable import App

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The allow-list must not cost ordinary articles anything: the sample newsroom's bodies come out
/// of the sanitizer exactly as Ink wrote them, and the WordPress theme unit test posts keep all
/// their text and every element the policy allows.
@Suite("Sanitised content renders unchanged")
struct SanitizedContentTests {
    @Test("Every sample story and page is token for token what Ink produced")
    func sampleNewsroom() {
        var rng = SeededGenerator(seed: 20_261_124)
        let bodies = SampleStories.stories.map { SampleText.markdown(for: $0, rng: &rng) } + SampleStories.pages.map(\.body)
        for markdown in bodies {
            let raw = MarkdownParser().html(from: markdown)
            #expect(Markup(raw) == Markup(HTMLSanitizer.sanitize(raw, policy: .article)))
        }
        #expect(bodies.count == SampleStories.stories.count + 3)
    }

    @Test("WordPress theme unit test posts keep their text and every allowed element")
    func wordPressPosts() throws {
        let posts = try WXRContent.read(
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
                "../../Fixtures/wordpress/theme-unit-test-data.xml"
            ).standardizedFileURL)
        #expect(posts.count > 40)
        var images = 0
        var tables = 0
        for html in posts {
            let output = HTMLSanitizer.sanitize(html, policy: .article)
            let expected = Markup(html, keeping: HTMLPolicy.article)
            let actual = Markup(output, keeping: HTMLPolicy.article)
            #expect(actual.text == expected.text)
            #expect(actual.elements == expected.elements)
            images += output.components(separatedBy: "<img src=\"http").count - 1
            tables += output.components(separatedBy: "<table>").count - 1
        }
        #expect(images > 10)
        #expect(tables > 0)
    }
}

/// What a reader sees of some markup: its text (references decoded, whitespace collapsed) and
/// the sequence of elements with their attributes.
struct Markup: Equatable {
    var text: String
    var elements: [String]

    init(_ html: String, keeping policy: HTMLPolicy? = nil) {
        var text = ""
        var elements: [String] = []
        var skipping: (String, Int)?
        for token in HTMLTokenizer(html) {
            switch token {
            case .text(let raw):
                if skipping == nil { text += CharacterReferences.decode(raw) }
            case .start(let name, let attributes):
                if let (skipped, depth) = skipping {
                    if name == skipped { skipping = (skipped, depth + 1) }
                    continue
                }
                if let policy, policy.dropWithContent.contains(name) {
                    skipping = (name, 1)
                    continue
                }
                guard let policy else {
                    elements.append(name + attributes.map { " \($0.name)=\($0.value)" }.joined())
                    continue
                }
                if policy.elements[name] != nil { elements.append(name) }
            case .end(let name):
                if let (skipped, depth) = skipping {
                    if name == skipped { skipping = depth == 1 ? nil : (skipped, depth - 1) }
                    continue
                }
                if policy == nil || policy?.elements[name] != nil { elements.append("/" + name) }
            }
        }
        self.text = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        self.elements = policy == nil ? elements : elements.filter { !$0.hasPrefix("/") }
    }
}

/// The `content:encoded` of every item in a WXR file.
final class WXRContent: NSObject, XMLParserDelegate {
    private var contents: [String] = []
    private var current: String?

    static func read(_ url: URL) throws -> [String] {
        let reader = WXRContent()
        let parser = XMLParser(data: try Data(contentsOf: url))
        parser.delegate = reader
        guard parser.parse() else { throw parser.parserError ?? CocoaError(.fileReadCorruptFile) }
        return reader.contents.filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
    }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]
    ) {
        if name == "content:encoded" || qualifiedName == "content:encoded" { current = "" }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        current? += string
    }

    func parser(_ parser: XMLParser, foundCDATA block: Data) {
        current? += String(decoding: block, as: UTF8.self)
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if let text = current, name == "content:encoded" || qualifiedName == "content:encoded" {
            contents.append(text)
            current = nil
        }
    }
}
