import HTTPTypes

/// The header names Gazette reads or writes beyond those HTTPTypes names.
extension HTTPField.Name {
    static let contentDisposition = Self("Content-Disposition")!
    static let csrfToken = Self("X-CSRF-Token")!
    static let purpose = Self("Purpose")!
    static let referrerPolicy = Self("Referrer-Policy")!
    static let secFetchSite = Self("Sec-Fetch-Site")!
    static let secPurpose = Self("Sec-Purpose")!
    static let strictTransportSecurity = Self("Strict-Transport-Security")!
    static let xForwardedFor = Self("X-Forwarded-For")!
    static let xFrameOptions = Self("X-Frame-Options")!
    static let xRobotsTag = Self("X-Robots-Tag")!
    static let lastEventID = Self("Last-Event-ID")!
    static let xAccelBuffering = Self("X-Accel-Buffering")!
    static let stripeSignature = Self("Stripe-Signature")!
}

extension HTTPResponse.Status {
    /// 402: the payment provider refused the payment (a declined card).
    static let paymentRequired = HTTPResponse.Status(code: 402, reasonPhrase: "Payment Required")
}
