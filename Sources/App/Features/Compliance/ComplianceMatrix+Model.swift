import DudaoCore
import Fluent
import Foundation
import SQLKit

/// 六个一落实情况: a page of the account's active inspectors × the semester's months and the six rules, and the
/// covered schools not visited this month.
struct ComplianceMatrix: KeptFigures {
    struct Row: Sendable, Equatable {
        let id: Int
        let name: String
    }

    struct Unvisited: Sendable, Equatable, Decodable {
        let id: Int
        let name: String
        let inspector: String?
    }

    let semester: Semester
    /// The month of today, for the not-visited list.
    let month: YearMonth
    let paging: Paging
    let total: Int
    let inspectors: [Row]
    let result: ComplianceResult
    /// The first 100 schools not visited this month, and how many there are.
    let unvisited: [Unvisited]
    let unvisitedTotal: Int
    /// When the figures were counted, when they are kept for a while (see `FiguresCache`); nil: just now.
    var countedAt: Date? = nil

    static let perPage = 30
}

extension ComplianceMatrix {
    static func query(semester: Semester, page: Int?, scope: Scope, today: Day, on db: any Database) async throws
        -> ComplianceMatrix
    {
        let district = try await scope.district(on: db)
        let settings = try await DistrictSettings.forDistrict(district.id!, on: db).complianceSettings
        let inspectors = try await scope.inspectorAccess.readable(Inspector.query(on: db)).filter(\.$status == .active)
            .sort(\.$name).sort(\.$id).paginate(Paging(page: page, per: perPage))
        let result = try await ComplianceService.evaluate(
            inspectorIDs: inspectors.items.compactMap(\.id), semester: semester, today: today, settings: settings,
            on: db)
        let (unvisited, unvisitedTotal) = try await unvisitedThisMonth(scope: scope, today: today, on: db)
        return ComplianceMatrix(
            semester: semester, month: YearMonth(today), paging: inspectors.paging, total: inspectors.total,
            inspectors: inspectors.items.map { Row(id: $0.id!, name: $0.name) }, result: result,
            unvisited: unvisited, unvisitedTotal: unvisitedTotal)
    }

    /// Open, covered schools in scope with no submitted visit this month (one anti-join, first 100).
    static func unvisitedThisMonth(scope: Scope, today: Day, on db: any Database) async throws -> ([Unvisited], Int) {
        guard let sql = db as? any SQLDatabase else { return ([], 0) }
        let month = YearMonth(today)
        let open = BroadCondition.equals("s.status", "open", narrowed: scope.readsPartOfSchools, on: sql)
        let body: SQLQueryString = """
            FROM schools s JOIN assignments a ON a.school_id = s.id AND a.end_date IS NULL
            JOIN inspectors i ON i.id = a.inspector_id
            WHERE \(Subtree.sql("s.org_path", scope.principal.orgPath)) AND \(open)
              AND NOT EXISTS (SELECT 1 FROM visits v WHERE v.school_id = s.id AND v.status = 'submitted'
                AND v.visit_date >= \(bind: month.firstDay.description) AND v.visit_date <= \(bind: month.lastDay.description))
            """
        struct N: Decodable { let n: Int }
        let total = try await sql.raw("SELECT COUNT(*) AS n " + body).first(decoding: N.self)?.n ?? 0
        let rows = try await sql.raw(
            "SELECT s.id, s.name, i.name AS inspector " + body + " ORDER BY i.name, s.name LIMIT 100"
        )
        .all(decoding: Unvisited.self)
        return (rows, total)
    }
}
