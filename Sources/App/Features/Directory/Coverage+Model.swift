import DudaoCore
import Fluent
import Foundation
import SQLKit

/// 挂牌覆盖: open schools without a current responsible inspector (a page of them), the coverage
/// rate, and the inspectors over the district's limit.
struct Coverage: Sendable {
    struct Row: Sendable, Equatable {
        let id: Int
        let name: String
        let code: String
        /// The stored type code (shown by its label when known).
        let type: String
        let township: String
    }

    struct Overloaded: Sendable, Equatable {
        let id: Int
        let name: String
        let kind: InspectorKind
        let schools: Int
    }

    /// Uncovered open schools, one page of them; `total` counts them all.
    let paging: Paging
    let total: Int
    let rows: [Row]
    /// Open schools in the account's subtree.
    let open: Int
    let overloaded: [Overloaded]
    let limit: Int

    var covered: Int { open - total }

    /// "87.5%", or "—" when there is no open school.
    var rate: String { open == 0 ? "—" : String(format: "%.1f%%", Double(covered) * 100 / Double(open)) }

    static let maxOverloaded = 100
}

extension Coverage {
    static func query(paging: Paging, scope: Scope, on db: any Database) async throws -> Coverage {
        let (total, open) = try await uncoveredCounts(scope: scope, on: db)
        let rows = try await uncovered(scope: scope, paging: paging, on: db)
        let district = try await scope.district(on: db)
        let settings = try await DistrictSettings.forDistrict(district.id!, on: db)
        let overloaded = try await overloadedInspectors(scope: scope, limit: settings.maxSchoolsPerInspector, on: db)
        return Coverage(
            paging: paging, total: total, rows: rows, open: open, overloaded: overloaded,
            limit: settings.maxSchoolsPerInspector)
    }

    /// Open schools in scope with no open assignment: one indexed anti-join.
    static func uncoveredClause(_ scope: Scope, on sql: any SQLDatabase) -> SQLQueryString {
        let open = BroadCondition.equals("s.status", "open", narrowed: scope.readsPartOfSchools, on: sql)
        return """
            FROM schools s JOIN org_units t ON t.id = s.township_id
            WHERE \(Subtree.sql("s.org_path", scope.principal.orgPath)) AND \(open)
            AND NOT EXISTS (SELECT 1 FROM assignments a WHERE a.school_id = s.id AND a.end_date IS NULL)
            """
    }

    /// A page of the uncovered schools, by township and name (the page and its export).
    static func uncovered(scope: Scope, paging: Paging, on db: any Database) async throws -> [Row] {
        guard let sql = db as? any SQLDatabase else { return [] }
        struct Raw: Decodable {
            let id: Int
            let name: String
            let code: String
            let type: String
            let township: String
        }
        return try await sql.raw(
            "SELECT s.id, s.name, s.code, s.type, t.name AS township " + uncoveredClause(scope, on: sql)
                + " ORDER BY t.name, s.name LIMIT \(bind: paging.per) OFFSET \(bind: paging.offset)"
        ).all(decoding: Raw.self).map {
            Row(id: $0.id, name: $0.name, code: $0.code, type: $0.type, township: $0.township)
        }
    }

    /// How many open schools are uncovered, and how many are open, in scope.
    static func uncoveredCounts(scope: Scope, on db: any Database) async throws -> (uncovered: Int, open: Int) {
        guard let sql = db as? any SQLDatabase else { return (0, 0) }
        struct Count: Decodable { let n: Int }
        let total = try await sql.raw("SELECT COUNT(*) AS n " + uncoveredClause(scope, on: sql)).first(
            decoding: Count.self)?.n
        let open = try await School.query(on: db).inSubtree(\.$orgPath, scope.principal.orgPath)
            .filter(status: .open, for: scope).count()
        return (total ?? 0, open)
    }

    /// Inspectors of the subtree holding more than `limit` schools now, most first.
    static func overloadedInspectors(scope: Scope, limit: Int, on db: any Database) async throws -> [Overloaded] {
        guard let sql = db as? any SQLDatabase else { return [] }
        struct R: Decodable {
            let inspector_id: Int
            let n: Int
        }
        let rows = try await sql.raw(
            """
            SELECT a.inspector_id, COUNT(*) AS n FROM assignments a JOIN inspectors i ON i.id = a.inspector_id
            WHERE a.end_date IS NULL AND \(Subtree.sql("i.org_path", scope.principal.orgPath))
            GROUP BY a.inspector_id HAVING COUNT(*) > \(bind: limit) ORDER BY n DESC LIMIT \(bind: maxOverloaded)
            """
        ).all(decoding: R.self)
        let inspectors = try await Inspector.query(on: db).filter(\.$id ~~ rows.map(\.inspector_id)).all()
        let byID = Dictionary(uniqueKeysWithValues: inspectors.map { ($0.id!, $0) })
        return rows.compactMap { r in
            byID[r.inspector_id].map { Overloaded(id: $0.id!, name: $0.name, kind: $0.kind, schools: r.n) }
        }
    }
}
