import App
import Domain
import Mail

extension TestApp {
    /// Delivers every due message in the outbox, as the background worker would; returns how
    /// many were handled.
    @discardableResult
    public func deliverMail(through transport: (any MailTransport)? = nil) async -> Int {
        await MailWorker(services: services, transport: transport ?? services.mailTransport).deliverDue()
    }

    /// One pass of the newsletter scheduler: due digests and scheduled editions start sending.
    public func runNewsletterScheduler() async {
        await NewsletterScheduler(services: services).tick()
    }
}
