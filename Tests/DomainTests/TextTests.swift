import Domain
import Foundation
import Testing

@Suite("Text helpers")
struct TextTests {
    @Test("Hex: two lowercase digits a byte, every byte value")
    func hex() {
        #expect(Hex.string([0x00, 0x0F, 0xA5, 0xFF, 0x10]) == "000fa5ff10")
        #expect(Hex.string([UInt8]()) == "")
        let all = Hex.string((0...255).map(UInt8.init))
        #expect(all.count == 512)
        for byte in 0...255 {
            let start = all.index(all.startIndex, offsetBy: byte * 2)
            #expect(all[start..<all.index(start, offsetBy: 2)] == String(byte, radix: 16).leftPadded(to: 2))
        }
    }

    @Test("Plain text drops markup, scripts and styles, and decodes entities")
    func plainText() {
        let html =
            "<h2>Flood &amp; river</h2><p>Water&nbsp;levels <em>rose</em>.</p><script>alert('x')</script><style>p{}</style><p>It&#39;s &#x2014; done</p>"
        #expect(PlainText.from(html: html) == "Flood & river Water levels rose. It's — done")
        #expect(PlainText.wordCount("Flood & river — rose.") == 3)
    }

    @Test("Excerpts stop at a word and say they were cut")
    func excerpt() {
        let text = String(repeating: "word ", count: 60)
        let excerpt = PlainText.excerpt(text, limit: 40)
        #expect(excerpt.hasSuffix("…"))
        #expect(excerpt.count <= 41)
        #expect(PlainText.excerpt("short", limit: 40) == "short")
    }

    @Test("Reading time rounds to whole minutes and is never zero")
    func readingTime() {
        #expect(ReadingTime.minutes(forWords: 0) == 1)
        #expect(ReadingTime.minutes(forWords: 1500) == 7)
        #expect(ReadingTime.minutes(forWords: 230) == 1)
    }

    @Test("Trimming white space or spaces takes exactly what Foundation's character sets take")
    func trimming() {
        // Every scalar of the Basic Multilingual Plane (but surrogates) at either end, alone, and around a word.
        let scalars = (0...0xFFFF).compactMap(Unicode.Scalar.init).map { String(Character($0)) } + ["\u{1F600}", "\u{E0020}"]
        for scalar in scalars {
            for text in [scalar, scalar + "a b" + scalar, "a" + scalar, scalar + scalar + "\u{301}x\n"] {
                #expect(text.trimmingWhiteSpace == text.trimmingCharacters(in: .whitespacesAndNewlines), "\(text.debugDescription)")
                #expect(text.trimmingSpaces == text.trimmingCharacters(in: .whitespaces), "\(text.debugDescription)")
            }
        }
        #expect(" \u{3000}\tEin Satz.\r\n\u{2029}".trimmingWhiteSpace == "Ein Satz.")
        #expect("\t\u{A0}Zeile\n".trimmingSpaces == "Zeile\n")
        #expect(" \n ".trimmingWhiteSpace.isEmpty && "".trimmingSpaces.isEmpty)
    }

    @Test("Search input becomes safe terms, whatever was typed")
    func searchQuery() {
        let query = SearchQuery("  \"Flood\" OR barrier* -river'); DROP TABLE articles;-- flood ")
        #expect(query.terms == ["flood", "or", "barrier", "river", "drop", "table", "articles"])
        #expect(query.fts5Expression == "\"flood\" AND \"or\" AND \"barrier\" AND \"river\" AND \"drop\" AND \"table\" AND \"articles\"*")
        #expect(query.postgresTSQuery == "flood & or & barrier & river & drop & table & articles:*")
        #expect(SearchQuery("*** ---").isEmpty)
        #expect(SearchQuery(String(repeating: "a", count: 5000)).text.count == SearchQuery.maximumInputLength)
    }
}

@Suite("Text written into Markdown")
struct MarkdownTextTests {
    @Test("Alt text with brackets, emphasis and line breaks stays one plain description")
    func alt() {
        #expect(MarkdownText.escapeAlt("The [old] bridge\n*at* dawn_") == "The \\[old\\] bridge \\*at\\* dawn\\_")
        #expect(MarkdownText.escapeAlt("a\\b <i>") == "a\\\\b \\<i\\>")
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
