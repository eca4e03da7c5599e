import Domain
import Testing

@Suite("Embeds")
struct EmbedTests {
    @Test(
        "YouTube addresses in their usual forms are recognised",
        arguments: [
            ("https://www.youtube.com/watch?v=M7lc1UVf-VE", "M7lc1UVf-VE", nil),
            ("https://youtu.be/aqz-KE-bpKQ?t=90", "aqz-KE-bpKQ", 90),
            ("https://youtube.com/shorts/ysz5S6PUM-U", "ysz5S6PUM-U", nil),
            ("https://www.youtube.com/embed/9bZkp7q19f0", "9bZkp7q19f0", nil),
            ("https://m.youtube.com/watch?v=M7lc1UVf-VE&t=1m30s", "M7lc1UVf-VE", 90),
        ] as [(String, String, Int?)])
    func youTube(url: String, id: String, start: Int?) {
        #expect(Embed(url: url) == .youTube(videoID: id, start: start))
    }

    @Test("The player address is the privacy-enhanced YouTube domain")
    func youTubePlayer() {
        let embed = Embed(url: "https://youtu.be/aqz-KE-bpKQ")
        #expect(embed?.playerURL.hasPrefix("https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ") == true)
    }

    @Test("SoundCloud and X posts are recognised")
    func otherProviders() {
        #expect(
            Embed(url: "https://soundcloud.com/riverton/dawn-chorus") == .soundCloud(url: "https://soundcloud.com/riverton/dawn-chorus"))
        #expect(
            Embed(url: "https://twitter.com/RivertonPower/status/1790000000000000001")
                == .xPost(id: "1790000000000000001", account: "RivertonPower"))
        #expect(Embed(url: "https://x.com/news/status/12345") == .xPost(id: "12345", account: "news"))
    }

    @Test(
        "Anything else is not an embed",
        arguments: [
            "https://example.org/watch?v=M7lc1UVf-VE",
            "javascript:alert(1)//youtube.com/watch?v=M7lc1UVf-VE",
            "https://www.youtube.com/watch?v=short",
            "https://user@youtube.com/watch?v=M7lc1UVf-VE",
            "https://youtube.com.evil.example/watch?v=M7lc1UVf-VE",
            "https://x.com/news/status/12ab",
            "https://soundcloud.com/only-one-part",
            "see https://youtu.be/aqz-KE-bpKQ here",
            "ftp://youtu.be/aqz-KE-bpKQ",
        ])
    func rejects(url: String) {
        #expect(Embed(url: url) == nil)
    }
}
