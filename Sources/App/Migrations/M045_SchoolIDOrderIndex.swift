import Fluent

/// 045: the API's school list in id order (the order a sync pages through). SQLite read the open schools through
/// M042's (status, name, id, org_path) and sorted every school of the subtree by id for each page; with
/// (status, id, org_path) a page is read in order from the index (20 000 schools, page 1: 6 → 0.1 ms; sqlite3 shell
/// timings). The web list still reads M042's in name order (`QueryPlanTests`).
struct M045_SchoolIDOrderIndex: IndexMigration {
    var name: String { "M045_SchoolIDOrderIndex" }

    static let indexes = IndexList([("idx_schools_status_id_org", "schools (status, id, org_path)")])
}
