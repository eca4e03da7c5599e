/// A comment's text as the reader wrote it and the allow-listed HTML made from it, always made
/// together (by the comment renderer) so storage can never be handed one without the other.
public struct CommentBody: Equatable, Sendable {
    public let markdown: String
    public let html: String

    /// Only renderers make these: `html` must be what `markdown` renders to.
    public init(markdown: String, renderedHTML html: String) {
        self.markdown = markdown
        self.html = html
    }
}
