import FluentKit

/// A row of `view_salts`: the secret of one UTC day; deleted once the day is over so that
/// visitor hashes of that day can no longer be recomputed.
public final class ViewSaltRecord: Model, @unchecked Sendable {
    public static let schema = "view_salts"

    @ID(custom: "day", generatedBy: .user) public var id: String?
    @Field(key: "salt") public var salt: String

    public init() {}

    public init(day: String, salt: String) {
        self.id = day
        self.salt = salt
    }
}

/// A row of `article_views_daily`: the views of an article on one UTC day (charts).
public final class DailyViewsRecord: Model, @unchecked Sendable {
    public static let schema = "article_views_daily"

    @ID(custom: .id, generatedBy: .database) public var id: Int?
    @Parent(key: "article_id") public var article: ArticleRecord
    @Field(key: "day") public var day: String
    @Field(key: "views") public var views: Int

    public init() {}
}

/// A row of `article_views_hourly`: the views of an article in one hour (Trending).
public final class HourlyViewsRecord: Model, @unchecked Sendable {
    public static let schema = "article_views_hourly"

    @ID(custom: .id, generatedBy: .database) public var id: Int?
    @Parent(key: "article_id") public var article: ArticleRecord
    @Field(key: "hour") public var hour: Int
    @Field(key: "views") public var views: Int

    public init() {}
}
