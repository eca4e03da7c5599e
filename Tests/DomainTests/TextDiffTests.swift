import Domain
import Testing

@Suite("Comparing revisions line by line")
struct TextDiffTests {
    /// Applies a script: the old text is what is kept and removed, the new what is kept and added.
    static func sides(_ script: [TextDiff.Line]) -> (old: String, new: String) {
        var old: [String] = []
        var new: [String] = []
        for line in script {
            switch line {
            case .same(let text):
                old.append(text)
                new.append(text)
            case .removed(let text): old.append(text)
            case .added(let text): new.append(text)
            }
        }
        return (old.joined(separator: "\n"), new.joined(separator: "\n"))
    }

    static func edits(_ script: [TextDiff.Line]) -> Int {
        script.filter { if case .same = $0 { false } else { true } }.count
    }

    @Test("Identical texts are all the same")
    func identical() {
        #expect(TextDiff.lines(from: "a\nb", to: "a\nb") == [.same("a"), .same("b")])
    }

    @Test("A changed line in the middle is one removal and one addition")
    func changedLine() {
        #expect(
            TextDiff.lines(from: "one\ntwo\nthree", to: "one\n2\nthree") == [.same("one"), .removed("two"), .added("2"), .same("three")])
    }

    @Test("Insertions and deletions anywhere, with the fewest edits")
    func shortestScript() {
        let old = "a\nb\nc\na\nb\nb\na"
        let new = "c\nb\na\nb\na\nc"
        let script = TextDiff.lines(from: old, to: new)
        #expect(Self.sides(script) == (old, new))
        #expect(Self.edits(script) == 5)  // Myers' paper's example: D = 5
    }

    @Test("From nothing, and to nothing")
    func emptySides() {
        #expect(TextDiff.lines(from: "", to: "x\ny") == [.added("x"), .added("y")])
        #expect(TextDiff.lines(from: "x\ny", to: "") == [.removed("x"), .removed("y")])
        #expect(TextDiff.lines(from: "", to: "").isEmpty)
    }

    @Test("Past the edit budget the middle is reported whole, still faithfully")
    func budget() {
        let old = (0..<300).map { "old \($0)" }.joined(separator: "\n")
        let new = (0..<300).map { "new \($0)" }.joined(separator: "\n")
        let script = TextDiff.lines(from: "head\n" + old + "\ntail", to: "head\n" + new + "\ntail", maximumEdits: 50)
        #expect(script.first == .same("head") && script.last == .same("tail"))
        #expect(Self.sides(script) == ("head\n" + old + "\ntail", "head\n" + new + "\ntail"))
        #expect(Self.edits(script) == 600)
    }
}
