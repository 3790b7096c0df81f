import DudaoCore

/// What the public sees after submitting a complaint: the tracking code to write down. Plain values.
struct ComplaintReceipt: Sendable, Equatable {
    let trackingCode: String
    /// Working days within which it is accepted (the district's limit).
    let acceptDays: Int
}
