import Hummingbird
import Routes

extension Response {
    /// "See other": where a form post or a guard sends the browser next.
    static func redirect(to location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location])
    }

    /// To a back-office page, with the confirmation it should show once.
    static func redirect(to url: AdminURL, notice: AdminNotice? = nil) -> Response {
        redirect(to: notice.map(url.path(notice:)) ?? url.path)
    }
}
