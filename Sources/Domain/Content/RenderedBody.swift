/// A body rendered from Markdown at save time, in the three forms the site stores.
public struct RenderedBody: Equatable, Sendable {
    /// The HTML the public page shows.
    public var html: String
    /// The words without markup or embed notices (search index, word count).
    public var text: String
    public var wordCount: Int

    public init(html: String, text: String, wordCount: Int) {
        self.html = html
        self.text = text
        self.wordCount = wordCount
    }
}
