import Fluent

/// 036: the dashboard's passes over a province's year read their columns from an index alone (SQLite, 20 000
/// schools, sqlite3 timings): problems by category, severity, state and month through
/// (org_path, created_at, category, severity, state); visits through (org_path, status, visit_date, school_id,
/// inspector_id), which replaces M003's (org_path, status, visit_date) — a district's schools visited this
/// semester 102 → 0.6 ms, the province's 129 → 64 ms; closed notices through (state, closed_at, org_path,
/// issued_at), which replaces M027's (state, closed_at) — days to close 114 → 45 ms, closed per month 156 → 62 ms.
struct M036_DashboardCoveringIndexes: AsyncMigration {
    var name: String { "M036_DashboardCoveringIndexes" }

    static let replaced = IndexList([
        ("idx_visits_org_date", "visits (org_path, status, visit_date)"),
        ("idx_notices_state_closed", "rectification_notices (state, closed_at)"),
    ])

    static let added = IndexList([
        ("idx_problems_org_created_groups", "problems (org_path, created_at, category, severity, state)"),
        ("idx_visits_org_status_date_school", "visits (org_path, status, visit_date, school_id, inspector_id)"),
        ("idx_notices_state_closed_org", "rectification_notices (state, closed_at, org_path, issued_at)"),
    ])

    func prepare(on db: any Database) async throws {
        try await Self.replaced.drop(on: db)
        try await Self.added.create(on: db)
    }

    func revert(on db: any Database) async throws {
        try await Self.added.drop(on: db)
        try await Self.replaced.create(on: db)
    }
}
