import DudaoCore

/// What the public sees after submitting a complaint: the tracking code to write down. Plain values.
struct ComplaintReceipt: Sendable, Equatable {
    let trackingCode: String
    /// Working days within which it is accepted (the national model's limit).
    let acceptDays: Int

    init(trackingCode: String, acceptDays: Int = ComplaintTimeLimits().accept) {
        self.trackingCode = trackingCode
        self.acceptDays = acceptDays
    }
}
