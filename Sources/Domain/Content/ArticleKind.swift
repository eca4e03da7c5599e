/// What kind of journalism an article is; it decides the label and the schema.org type.
public enum ArticleKind: String, CaseIterable, Sendable, Codable {
    case news
    case analysis
    case opinion
    case video

    /// The label shown above the headline.
    public var label: String {
        switch self {
        case .news: "News"
        case .analysis: "Analysis"
        case .opinion: "Opinion"
        case .video: "Video"
        }
    }

    /// The schema.org type used in JSON-LD.
    public var schemaType: String {
        switch self {
        case .news, .video: "NewsArticle"
        case .analysis: "AnalysisNewsArticle"
        case .opinion: "OpinionNewsArticle"
        }
    }
}

/// Where an article is in its life. Only `published` articles are public.
public enum ArticleStatus: String, CaseIterable, Sendable, Codable {
    case draft
    case inReview = "in_review"
    case scheduled
    case published
    case unpublished
}
