import DudaoCore
import Fluent
import Foundation
import SQLKit

/// The office's (and a leader's) home: what to do today, the subtree's counts, 挂牌 coverage per township, schools per type.
struct OfficeHome: Sendable {
    struct Township: Sendable, Equatable, Decodable {
        let id: Int
        let name: String
        let schools: Int
        let uncovered: Int
    }

    let isLeader: Bool
    let openSchools: Int
    let activeInspectors: Int
    let activeAreas: Int
    /// Townships by name (at most 200), with open schools and those without a current 挂牌 inspector.
    let townships: [Township]
    let schoolTypes: [TypeCount]
    /// What the office must see to today (a leader reads the same): see `HomeTodo.office`.
    let todo: [TodoGroup]
    /// When the directory figures were counted, when they are kept for a while (see `FiguresCache`); nil: just now.
    var countedAt: Date? = nil
    /// The part of the page drawn from the figures alone (`OfficeHomeView.drawnFigures`), kept with them; nil: the
    /// view draws it.
    var drawnFigures: String? = nil

    struct TypeCount: Sendable, Equatable {
        let type: SchoolType
        let schools: Int
    }

    var uncovered: Int { townships.reduce(0) { $0 + $1.uncovered } }

    /// The share of open schools with a 挂牌 inspector, "93.5%" ("—" without schools).
    var coverage: String {
        openSchools == 0 ? "—" : String(format: "%.1f%%", Double(openSchools - uncovered) * 100 / Double(openSchools))
    }

    /// The directory's figures of the account's subtree: counts over a province's schools, kept for a while.
    struct Figures: Sendable {
        let openSchools: Int
        let activeInspectors: Int
        let activeAreas: Int
        let townships: [Township]
        let schoolTypes: [TypeCount]
        /// The inspectors furthest behind this month and how many are behind (`HomeTodo.inspectorsBehind`): a join over
        /// the subtree's assignments and visits, which a province's office should not wait for on every visit home.
        let behind: [HomeTodo.Behind]
        let behindTotal: Int
    }

    /// The home with its live to-do list around the kept `figures` (and their part of the page, when drawn).
    static func query(
        scope: Scope, figures: Figures, countedAt: Date?, drawnFigures: String?, today: Day, on db: any Database
    ) async throws -> OfficeHome {
        let district = try await scope.district(on: db)
        let settings = try await DistrictSettings.forDistrict(district.id!, on: db).complianceSettings
        let todo = try await HomeTodo.office(
            scope: scope, settings: settings, today: today, behind: (figures.behind, figures.behindTotal), on: db)
        return OfficeHome(
            isLeader: scope.principal.role == .leader, figures: figures, todo: todo, countedAt: countedAt,
            drawnFigures: drawnFigures)
    }

    static func figures(scope: Scope, today: Day, on db: any Database) async throws -> Figures {
        let path = scope.principal.orgPath
        let open = try await scope.schoolAccess.readable(School.query(on: db)).filter(status: .open, for: scope)
            .rowCount()
        let inspectors = try await scope.inspectorAccess.readable(Inspector.query(on: db)).filter(\.$status == .active)
            .rowCount()
        let areas = try await scope.areaAccess.readable(ResponsibilityArea.query(on: db)).filter(\.$active == true)
            .rowCount()
        let sql = try db.sql()
        let townships = try await sql.raw(
            """
            SELECT t.id, t.name, COUNT(s.id) AS schools,
              SUM(CASE WHEN s.id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM assignments a WHERE a.school_id = s.id AND a.end_date IS NULL) THEN 1 ELSE 0 END) AS uncovered
            FROM org_units t LEFT JOIN schools s ON s.township_id = t.id AND s.status = 'open'
            WHERE t.level = 'township' AND \(Subtree.sql("t.path", path))
            GROUP BY t.id, t.name ORDER BY t.name LIMIT 200
            """
        ).all(decoding: Township.self)
        struct Count: Decodable {
            let type: String
            let n: Int
        }
        let rows = try await sql.raw(
            """
            SELECT type, COUNT(*) AS n FROM schools
            WHERE \(Subtree.sql("org_path", path)) AND \(BroadCondition.equals("status", "open", narrowed: scope.readsPartOfSchools, on: sql))
            GROUP BY type
            """
        ).all(decoding: Count.self)
        let byType = Dictionary(
            uniqueKeysWithValues: rows.compactMap { r in SchoolType(rawValue: r.type).map { ($0, r.n) } })
        let types = SchoolType.allCases.compactMap { t in byType[t].map { TypeCount(type: t, schools: $0) } }
        let (behind, behindTotal) = try await HomeTodo.inspectorsBehind(scope: scope, today: today, on: db)
        return Figures(
            openSchools: open, activeInspectors: inspectors, activeAreas: areas, townships: townships,
            schoolTypes: types, behind: behind, behindTotal: behindTotal)
    }
}

extension OfficeHome {
    init(isLeader: Bool, figures: Figures, todo: [TodoGroup], countedAt: Date?, drawnFigures: String? = nil) {
        self.init(
            isLeader: isLeader, openSchools: figures.openSchools, activeInspectors: figures.activeInspectors,
            activeAreas: figures.activeAreas, townships: figures.townships, schoolTypes: figures.schoolTypes,
            todo: todo, countedAt: countedAt, drawnFigures: drawnFigures)
    }
}
