/// Reading time as a news site shows it ("4 min read").
public enum ReadingTime {
    /// Average adult silent reading speed for non-fiction, in words per minute.
    public static let wordsPerMinute = 230

    public static func minutes(forWords words: Int) -> Int {
        max(1, (words + wordsPerMinute / 2) / wordsPerMinute)
    }
}
