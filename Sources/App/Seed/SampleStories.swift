import Domain

/// One sample article before its body is written out.
struct SampleStory {
    let title: String
    let standfirst: String
    let section: String
    let kind: ArticleKind
    let authors: [Int]
    let tags: [String]
    /// What the story is about, as it reads mid-sentence ("the riverside bike lanes").
    let subject: String
    /// The body of people or officials involved ("the council's transport committee").
    let group: String
    /// Sentences only this story has.
    let facts: [String]
    /// Who is quoted, with their role and words.
    let quotes: [(name: String, role: String, words: String)]
    var words: Int = 700
    var embed: String? = nil
    var syndication: Syndication? = nil
    var comments: Int = 0
}

/// The sample newsroom's sections, staff and stories: a fictional town, Riverton, and the
/// neutral local news a small independent outlet there would publish.
enum SampleStories {
    static let sections: [(name: String, slug: String, description: String)] = [
        ("News", "news", "What happened in Riverton and the valley today."),
        ("Analysis", "analysis", "The context behind the headlines: numbers, history and what comes next."),
        ("Opinion", "opinion", "Arguments from our columnists and guest writers. Their views are their own."),
        ("Culture", "culture", "Music, books, theatre and the people who make the town's cultural life."),
        ("Video", "video", "Our reporting in pictures and sound."),
    ]

    static let authors: [(name: String, title: String, bio: String)] = [
        (
            "Maya Okafor", "City hall reporter",
            "Maya covers the council, budgets and local elections. Before joining the Gazette she reported for regional radio for six years."
        ),
        (
            "Daniel Reyes", "Environment correspondent",
            "Daniel writes about the river, the climate and the valley's farms. He grew up on a dairy farm north of Riverton."
        ),
        (
            "Ingrid Solberg", "Analysis editor",
            "Ingrid edits our analysis desk and writes about housing, transport and public finance, usually with a spreadsheet open."
        ),
        (
            "Samuel Achterberg", "Culture writer",
            "Samuel reviews music and theatre and profiles the people who keep the town's cultural life going."
        ),
        (
            "Priya Natarajan", "Science and health reporter",
            "Priya reports on health services, schools and science. She has a background in biology and data journalism."
        ),
        (
            "Tomás Ferreira", "Video producer and columnist",
            "Tomás makes our videos and writes a fortnightly column about life in the valley."
        ),
    ]

    static let pages: [(slug: String, title: String, body: String)] = [
        (
            "about", "About us",
            """
            The Riverton Gazette is an independent, reader-funded newsroom covering the town and the valley around it. \
            We publish local news, analysis and opinion, and we answer to our readers rather than to owners or advertisers.

            ## Our standards

            We check facts before we publish, we correct mistakes openly, and we mark opinion as opinion. \
            When we correct an article after publication, the article says so.

            ## Contact

            Write to the newsroom at newsroom@riverton-gazette.example or visit us at 12 Mill Street.
            """
        ),
        (
            "donate", "Support the Gazette",
            """
            Our journalism is free to read for everyone because readers who can afford it choose to pay for it. \
            A one-time gift or a monthly contribution keeps reporters at council meetings, in courtrooms and on the river bank.

            ## Where the money goes

            Nine in ten of every contribution pays for reporting. The rest pays for the servers and the office.

            Thank you for keeping local news alive.
            """
        ),
        (
            "privacy", "Privacy",
            """
            We collect as little as we can. We do not use advertising trackers or third-party analytics.

            ## Views

            To count how often an article is read we combine your network and browser type with a secret that changes every day \
            and keep only the result. After a day the secret is deleted, and nobody, including us, can link the count to you.

            ## Comments and newsletters

            If you comment or sign up for a newsletter, we store your name and email address to run those services, and never share them.
            """
        ),
    ]
}
