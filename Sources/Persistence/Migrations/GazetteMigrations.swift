import FluentKit

/// Every migration, in the order it runs. A shipped migration is never edited: changes go in a
/// new one at the end of this list.
public enum GazetteMigrations {
    public static func all(renderers: BodyRenderers) -> [any Migration] {
        [
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
            ResanitizeStoredBodies(renderers: renderers),
            CreateStaffDevices(),
            CreateDiscussion(),
            CreateDonations(),
            IndexDiscussionFirstPage(),
            CountNewCommentsInSQLite(),
            UpdateCommentsAddCard(),
            UpdateCommentsAddThreadCard(),
            IndexMissingCards(),
        ]
    }

    /// Registers the list with Fluent's migration runner.
    public static func register(in migrations: Migrations, renderers: BodyRenderers) {
        migrations.add(all(renderers: renderers))
    }
}
