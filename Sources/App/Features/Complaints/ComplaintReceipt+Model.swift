import DudaoCore

/// What the public sees after submitting a complaint: the tracking code to write down and the district's time
/// limits. Plain values.
struct ComplaintReceipt: Sendable, Equatable {
    let trackingCode: String
    /// The district's limits, in working days, for each stage.
    let limits: ComplaintTimeLimits
}
