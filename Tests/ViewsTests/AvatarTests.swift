import Testing

@testable import Views

@Suite("Avatars")
struct AvatarTests {
    @Test(
        "Initials: first and last word that starts with a letter, upper-cased; ASCII names take a fast path with the same result",
        arguments: [
            ("Ana Ruiz", "AR"), ("cher", "C"), ("  mary-jane  o'neil ", "MO"), ("Jean-Luc Picard", "JP"),
            ("3D Printing Co", "PC"), ("", "?"), ("123 456", "?"), ("a\tb\nc", "AC"), ("Émile Zola", "ÉZ"),
            ("Łukasz Żuk", "ŁŻ"), ("李 小龙", "李小"), ("o", "O"),
        ])
    func initials(name: String, expected: String) {
        #expect(Avatar.initials(name) == expected)
    }

    @Test("An avatar is an inline SVG with the initials escaped and a hue from the key")
    func html() {
        let svg = Avatar.html(name: "<Ana> Ruiz", key: "ana@example.org", size: 40).rendered
        #expect(svg.contains(">R</text>"))
        #expect(svg.hasPrefix("<svg class=\"avatar avatar--h") && !svg.contains("<Ana>"))
        #expect(svg == Avatar.html(name: "<Ana> Ruiz", key: "ana@example.org", size: 40).rendered)
    }
}
