import Fluent

/// 047: the notices in deadline order. At the tree's root the 全部 tab sorted every notice of a province to show fifty
/// (78 ms at 87 108 notices, sqlite3 shell); through (deadline, id) it reads the first fifty in order (0.05 ms). The
/// state tabs read M043's (state, deadline, org_path).
struct M047_NoticeDeadlineIndex: IndexMigration {
    var name: String { "M047_NoticeDeadlineIndex" }

    static let indexes = IndexList([("idx_notices_deadline_id", "rectification_notices (deadline, id)")])
}
