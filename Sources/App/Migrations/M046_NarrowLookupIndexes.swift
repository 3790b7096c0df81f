import Fluent

/// 046: two reads that had no index of their own (20 000 schools, sqlite3 shell timings).
/// - An inspector's problem register: the problems they found or of the schools assigned to them. With an index on
///   the inspector (beside M004's on the school), SQLite reads the two sets and joins them (count 71 → 0.2 ms),
///   where it read every open problem of the province (`BroadCondition`).
/// - The monthly reports a subtree submitted in a month: read from (month, org_path, submitted_on) instead of every
///   report ever filed (a district's count 25 → 0.1 ms).
struct M046_NarrowLookupIndexes: IndexMigration {
    var name: String { "M046_NarrowLookupIndexes" }

    static let indexes = IndexList([
        ("idx_problems_inspector_state_draft", "problems (inspector_id, state, draft)"),
        ("idx_monthly_reports_month_org_submitted", "monthly_reports (month, org_path, submitted_on)"),
    ])
}
