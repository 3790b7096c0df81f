import Fluent

/// 044: the office home's "近七天发现的严重问题" reads the week's urgent problems by date. M038's (severity,
/// org_path, created_at, draft) ranges over a whole subtree's urgent problems before it can test the date: a
/// province's 43 000, 9 ms for the count and again for the list (20 000 schools, sqlite3 shell timings). With the date
/// second the week is one short range for any subtree (0.3 ms). The to-do bounds the week on both sides, so that
/// SQLite prefers this index to M038's, whose subtree range is two-sided too (`QueryPlanTests`).
struct M044_WeekSevereProblemsIndex: IndexMigration {
    var name: String { "M044_WeekSevereProblemsIndex" }

    static let indexes = IndexList([
        ("idx_problems_severity_created_org_draft", "problems (severity, created_at, org_path, draft)")
    ])
}
