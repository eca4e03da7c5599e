import FluentKit

/// Every migration, in the order it runs. A shipped migration is never edited: changes go in a
/// new one at the end of this list.
public enum GazetteMigrations {
    public static let all: [any Migration] = [
        CreateSections(),
        CreateAuthors(),
        CreateTags(),
        CreateArticles(),
        CreateArticleLinks(),
        CreatePages(),
        CreateComments(),
        CreateSettings(),
        CreateUsers(),
        CreateViewCounting(),
        CreateArticleSearchIndex(),
        CreateStaffSecurity(),
        CreateEditorial(),
        CreateNewsletters(),
        CreateMailOutbox(),
    ]

    /// Registers the list with Fluent's migration runner.
    public static func register(in migrations: Migrations) {
        migrations.add(all)
    }
}
