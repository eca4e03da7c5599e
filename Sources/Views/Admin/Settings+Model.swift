import Domain
import Routes

/// The settings page: the form as stored or as typed, what needs fixing, and the choices.
public struct SettingsPageModel: Equatable, Sendable {
    public var chrome: AdminChrome
    public var form: SettingsForm
    public var errors: FormErrors<SettingsForm.Field>
    public var timeZoneOptions: [SelectOption]
    public var logoOptions: [SelectOption]

    public init(
        chrome: AdminChrome, form: SettingsForm, errors: FormErrors<SettingsForm.Field>, timeZoneOptions: [SelectOption],
        logoOptions: [SelectOption]
    ) {
        self.chrome = chrome
        self.form = form
        self.errors = errors
        self.timeZoneOptions = timeZoneOptions
        self.logoOptions = logoOptions
    }

    var languageOptions: [SelectOption] { SettingsForm.languages.map { SelectOption(value: $0.code, label: $0.name) } }

    var placementOptions: [SelectOption] {
        AdSlot.Placement.allCases.map { placement in
            let label =
                switch placement {
                case .homeTop: "Home page, top"
                case .homeSidebar: "Home page, sidebar"
                case .articleInline: "Article, after the body"
                case .articleSidebar: "Article, sidebar"
                }
            return SelectOption(value: placement.rawValue, label: label)
        }
    }
}

/// The sections page: each section's row, and the form for a new one.
public struct SectionsPageModel: Equatable, Sendable {
    public struct Row: Equatable, Sendable {
        public var id: Section.ID
        public var name: String
        public var slug: String
        public var description: String
        public var inNavigation: Bool
        public var articles: Int

        public init(id: Section.ID, name: String, slug: String, description: String, inNavigation: Bool, articles: Int) {
            self.id = id
            self.name = name
            self.slug = slug
            self.description = description
            self.inNavigation = inNavigation
            self.articles = articles
        }
    }

    public var chrome: AdminChrome
    public var rows: [Row]
    public var newName: String
    public var errors: FormErrors<SectionForm.Field>

    public init(chrome: AdminChrome, rows: [Row], newName: String, errors: FormErrors<SectionForm.Field>) {
        self.chrome = chrome
        self.rows = rows
        self.newName = newName
        self.errors = errors
    }
}
