import DudaoCore
import Fluent
import Foundation

/// 督学名录: one page of the inspectors the account may see, filtered. Plain values; `query` builds it.
struct InspectorList: Sendable {
    /// What the list is filtered by (the query string); the export and the API read the same.
    struct Filter: Codable, Sendable, Equatable {
        var q: String? = nil
        var kind: String? = nil
        /// A duty (督学类别) the inspector holds, among others.
        var duty: String? = nil
        var status: String? = nil
        @PageNumber var page: Int? = nil
        @Bounded<InputBounds.PerPage> var per: Int? = nil

        /// The text searched for in names, phones and employers; nil when blank.
        var searchText: String? { SearchText.of(q) }

        /// The filter as query items, for links that keep it (pager, export).
        var queryItems: [(String, String)] {
            [("q", q ?? ""), ("kind", kind ?? ""), ("duty", duty ?? ""), ("status", status ?? "")]
        }
    }

    struct Row: Sendable, Equatable {
        let id: Int
        let name: String
        let kind: InspectorKind
        let phone: String
        let employer: String
        let post: String
        /// Schools the inspector holds now.
        let schools: Int
        let termEnd: String?
        let isActive: Bool
        var roles: [InspectorDuty] = []
    }

    let filter: Filter
    let paging: Paging
    let total: Int
    /// When a province's total was counted, when it is kept for a while (see `ListTotals`); nil: just now.
    var countedAt: Date? = nil
    let rows: [Row]
    /// The district's limit of schools per inspector.
    let limit: Int
}

extension InspectorList {
    /// The page of the list for `filter`, scoped by the account's access policy. The total is counted by `totals`
    /// when given (a root account's is kept for a while, see `ListTotals`).
    static func query(_ filter: Filter, scope: Scope, totals: ListTotals? = nil, on db: any Database) async throws
        -> InspectorList
    {
        let paging = Paging(page: filter.page, per: filter.per)
        let total = try await filtered(filter, scope: scope, on: db)
            .total(by: totals, scope: scope, searching: filter.searchText != nil)
        let page = try await filtered(filter, scope: scope, on: db).sort(\.$name).sort(\.$id)
            .paginate(paging, total: total.count, as: Listed.self, columns: Listed.columns)
        let counts = try await DirectoryQueries.schoolCounts(of: page.items.map(\.id), on: db)
        let district = try await scope.district(on: db)
        let settings = try await DistrictSettings.forDistrict(district.id!, on: db)
        let rows = page.items.map { i in
            Row(
                id: i.id, name: i.name, kind: i.kind, phone: i.phone, employer: i.employer, post: i.post,
                schools: counts[i.id] ?? 0, termEnd: i.termEnd, isActive: i.status == .active,
                roles: InspectorDuty.parseStored(i.roles))
        }
        return InspectorList(
            filter: filter, paging: paging, total: total.count, countedAt: total.countedAt, rows: rows,
            limit: settings.maxSchoolsPerInspector)
    }

    /// What the list reads of an inspector.
    struct Listed: Decodable, Sendable {
        static let columns = ["id", "name", "kind", "phone", "employer", "post", "term_end", "status", "roles"]
        let id: Int
        let name: String
        let kind: InspectorKind
        let phone: String
        let employer: String
        let post: String
        let termEnd: String?
        let status: InspectorStatus
        let roles: String
    }

    /// The filtered, scoped query behind the list, the export and the API.
    static func filtered(_ filter: Filter, scope: Scope, on db: any Database) -> QueryBuilder<Inspector> {
        var q = scope.inspectorAccess.readable(Inspector.query(on: db))
        if let text = filter.searchText {
            q = q.group(.or) { $0.filter(\.$name ~~ text).filter(\.$phone == text).filter(\.$employer ~~ text) }
        }
        if let k = filter.kind.flatMap(InspectorKind.init(rawValue:)) { q = q.filter(\.$kind == k) }
        if let d = filter.duty.flatMap(InspectorDuty.init(rawValue:)) { q = q.filter(\.$roles ~~ d.rawValue) }
        switch filter.status {
        case "retired": q = q.filter(\.$status == .retired)
        case "all": break
        default: q = q.filter(\.$status == .active)
        }
        return q
    }
}
