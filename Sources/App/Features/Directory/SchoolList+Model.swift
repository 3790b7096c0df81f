import DudaoCore
import Fluent
import Foundation
import SQLKit

/// 学校名录: one page of the schools the account may see, filtered. Plain values; `query` builds it.
struct SchoolList: Sendable {
    /// What the list is filtered by (the query string); the export and the API read the same.
    struct Filter: Codable, Sendable, Equatable {
        var q: String? = nil
        @RecordID var township: Int? = nil
        var type: String? = nil
        @RecordID var area: Int? = nil
        var status: String? = nil
        @PageNumber var page: Int? = nil
        @Bounded<InputBounds.PerPage> var per: Int? = nil

        /// The text searched for in names and codes; nil when blank.
        var searchText: String? { SearchText.of(q) }

        /// The filter as query items, for links that keep it (pager, export).
        var queryItems: [(String, String)] {
            [
                ("q", q ?? ""), ("township", township.map(String.init) ?? ""), ("type", type ?? ""),
                ("area", area.map(String.init) ?? ""), ("status", status ?? ""),
            ]
        }
    }

    struct Row: Sendable, Equatable {
        let id: Int
        let name: String
        let code: String
        let type: SchoolType
        let ownership: Ownership
        let township: String
        let students: Int
        /// The current responsible inspector; nil when the school has none (未挂牌).
        let inspector: String?
        let isOpen: Bool
    }

    let filter: Filter
    let paging: Paging
    let total: Int
    /// When a province's total was counted, when it is kept for a while (see `ListTotals`); nil: just now.
    var countedAt: Date? = nil
    let rows: [Row]
    /// The district's townships, for the filter.
    let townships: [NamedID]
    /// The district's active areas, for the filter (none for inspectors and schools).
    let areas: [NamedID]
}

extension SchoolList {
    /// The page of the list for `filter`, scoped by the account's access policy.
    static func query(_ filter: Filter, scope: Scope, totals: ListTotals? = nil, on db: any Database) async throws
        -> SchoolList
    {
        let paging = Paging(page: filter.page, per: filter.per)
        let (page, countedAt) = try await page(
            filter, scope: scope, paging: paging, order: { $0.sort(\.$name).sort(\.$id) }, as: Listed.self,
            columns: Listed.columns, totals: totals, on: db)
        let responsible = try await DirectoryQueries.responsible(of: page.items.map(\.id), on: db)
        let district = try await scope.district(on: db)
        let townships = try await DirectoryQueries.townshipNames(in: district, on: db)
        let role = scope.principal.role
        let areas = role == .inspector || role == .school ? [] : try await DirectoryQueries.areas(in: district, on: db)
        let townshipNames = Dictionary(townships.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let rows = page.items.map { s in
            Row(
                id: s.id, name: s.name, code: s.code, type: s.type, ownership: s.ownership,
                township: townshipNames[s.townshipId] ?? "", students: s.students, inspector: responsible[s.id]?.name,
                isOpen: s.status == .open)
        }
        return SchoolList(
            filter: filter, paging: paging, total: page.total, countedAt: countedAt, rows: rows, townships: townships,
            areas: areas)
    }

    /// What the list reads of a school.
    struct Listed: Decodable, Sendable {
        static let columns = ["id", "name", "code", "type", "ownership", "township_id", "students", "status"]
        let id: Int
        let name: String
        let code: String
        let type: SchoolType
        let ownership: Ownership
        let townshipId: Int
        let students: Int
        let status: SchoolStatus
    }

    /// One page of the filtered list in `order` (the list's by name, the API's by id), as `columns`, with the filter's
    /// total counted by `filtered(…, counting: true)`: by `totals` when given (a root account's total is kept for a
    /// while, see `ListTotals`), else now.
    static func page<Row: Decodable & Sendable>(
        _ filter: Filter, scope: Scope, paging: Paging, order: (QueryBuilder<School>) -> QueryBuilder<School>,
        as _: Row.Type, columns: [String], totals: ListTotals? = nil, on db: any Database
    ) async throws -> (page: PageOf<Row>, countedAt: Date?) {
        let total = try await filtered(filter, scope: scope, on: db, counting: true).total(
            by: totals, scope: scope, searching: filter.searchText != nil)
        let page = try await order(filtered(filter, scope: scope, on: db)).paginate(
            paging, total: total.count, as: Row.self, columns: columns)
        return (page, total.countedAt)
    }

    /// The filtered, scoped query behind the list, the export and the API.
    ///
    /// The open/closed condition chooses no index on SQLite (`BroadCondition`) when the query only counts (`counting`)
    /// or the account reads part of the schools: a district's count then reads its range of M001's
    /// (org_path, status, name), 7 → 0.2 ms at 20 000 schools, and an inspector's page its own schools by id, where
    /// both read every open school of the province (`QueryPlanTests`). The pages of an account at the root keep the
    /// plain condition, which reads them in order from M042's and M045's indexes.
    static func filtered(
        _ filter: Filter, scope: Scope, on db: any Database, counting: Bool = false
    ) -> QueryBuilder<School> {
        var q = scope.schoolAccess.readable(School.query(on: db))
        if let text = filter.searchText {
            q = q.group(.or) { $0.filter(\.$name ~~ text).filter(\.$code == text) }
        }
        if let t = filter.township { q = q.filter(\.$townshipID == t) }
        if let t = filter.type.flatMap(SchoolType.init(rawValue:)) { q = q.filter(\.$type == t) }
        if let a = filter.area { q = q.filter(\.$areaID == a) }
        let status: SchoolStatus? =
            switch filter.status {
            case "closed": .closed
            case "all": nil
            default: .open
            }
        guard let status else { return q }
        return q.filter(status: status, narrowed: counting || scope.readsPartOfSchools)
    }
}
