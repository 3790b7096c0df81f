/// 048: the open notices in deadline order, on PostgreSQL. Closed notices hold the earliest deadlines, so PostgreSQL,
/// walking M047's (deadline, id) for the open tab or for the office home's notices due within three days, passed
/// 75 000 closed notices first (68–79 ms at 87 108 notices); this partial index holds the open ones only
/// (0.07–0.5 ms). SQLite reads M043's (state, deadline, org_path) as before.
struct M048_OpenNoticeDeadlineIndex: PostgreSQLStateIndexMigration {
    var name: String { "M048_OpenNoticeDeadlineIndex" }

    /// `NoticeState.open` as written when this migration landed (a test holds the two equal).
    static let openStates = ["draft", "pendingApproval", "issued", "acknowledged", "reported", "returned"]

    static let indexes = IndexList([
        ("idx_notices_open_deadline", "rectification_notices (deadline, id) WHERE \(stateIn(openStates))")
    ])
}
