import DudaoCore
import Fluent
import SQLKit

/// An equality that holds for much of a table (a school's status, a problem's state), written so that SQLite filters
/// by it without choosing an index by it.
///
/// SQLite plans without statistics and takes an equality on an index's first column to match about ten rows. So
/// `status = 'open'` chose a status-first index (M042's, M045's) and read every open school of the province, and
/// `state = 'open'` every open problem, even where the account's rows are a district's range or a few ids. Written
/// `+column`, the column is an expression to SQLite: the condition still filters but chooses no index, and the query
/// reads through its narrow condition (`QueryPlanTests`). PostgreSQL plans from its statistics and always gets the
/// plain column.
enum BroadCondition {
    /// `column = value`; on SQLite as `+column` when the query has a narrower condition to read by. `column` is the
    /// code's own text, never input.
    static func equals(_ column: String, _ value: String, narrowed: Bool, on db: any SQLDatabase) -> SQLQueryString {
        let written = narrowed && db.isSQLite ? "+" + column : column
        return "\(unsafeRaw: written) = \(bind: value)"
    }
}

extension Scope {
    /// The account reads part of the schools: a subtree below the tree's root, or its own schools. A status should
    /// then not choose the index (`BroadCondition`). At the root the status-first indexes read a page in name or id
    /// order instead of sorting every school.
    var readsPartOfSchools: Bool {
        switch principal.role {
        case .admin, .office, .leader: Subtree.isBelowRoot(principal.orgPath)
        case .inspector, .school: true
        }
    }
}

extension QueryBuilder where Model == School {
    /// The schools of one status, written for the account's share of the schools (`BroadCondition`).
    func filter(status: SchoolStatus, for scope: Scope) -> Self {
        filter(status: status, narrowed: scope.readsPartOfSchools)
    }

    /// The schools of one status; `narrowed`: another condition of the query reads fewer schools (`BroadCondition`).
    func filter(status: SchoolStatus, narrowed: Bool) -> Self {
        guard let sql = database as? any SQLDatabase else { return filter(\.$status == status) }
        return filter(.sql(BroadCondition.equals("schools.status", status.rawValue, narrowed: narrowed, on: sql)))
    }
}
