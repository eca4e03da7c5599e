/// Where a link goes: a public address or a back-office one, each printed through its typed map.
public enum Link: Hashable, Sendable {
    case site(SiteURL)
    case admin(AdminURL)

    public var path: String {
        switch self {
        case .site(let url): url.path
        case .admin(let url): url.path
        }
    }
}
