/// 049: the open complaints in deadline order, on PostgreSQL. The office home lists the six complaints received or
/// near their deadline; PostgreSQL read every open complaint of a province from the table and sorted them (2.2 ms at
/// 10 000 complaints, the home's slowest statement after M048); from this partial index it reads the first six.
struct M049_OpenComplaintDeadlineIndex: PostgreSQLStateIndexMigration {
    var name: String { "M049_OpenComplaintDeadlineIndex" }

    /// The open complaint states (`ComplaintState.isOpen`) as written when this migration landed (a test holds them
    /// equal).
    static let openStates = ["received", "accepted", "verifying", "handling", "replied"]

    static let indexes = IndexList([
        ("idx_complaints_open_deadline", "complaints (deadline, id) WHERE \(stateIn(openStates))")
    ])
}
