import DudaoCore
import Fluent

/// 督导记录: one page of the visits the account may read, newest first, filtered.
struct VisitList: Sendable {
    /// What the list is filtered by (the query string).
    struct Filter: Codable, Sendable, Equatable {
        @RecordID var school: Int? = nil
        @RecordID var inspector: Int? = nil
        var month: String?
        var status: String?
        @PageNumber var page: Int? = nil

        /// The filter as query items, for links that keep it (the pager).
        var queryItems: [(String, String)] {
            [
                ("school", school.map(String.init) ?? ""), ("inspector", inspector.map(String.init) ?? ""),
                ("month", month ?? ""),
                ("status", status ?? ""),
            ]
        }
    }

    struct Row: Sendable, Equatable {
        let id: Int
        let date: String
        let school: String
        let inspector: String
        let kind: VisitKind
        let theme: String
        let isDraft: Bool
    }

    let filter: Filter
    let paging: Paging
    let total: Int
    let rows: [Row]

    static let perPage = 30
}

extension VisitList {
    /// The page of visits for `filter`, through the account's visit access (a filter never widens it).
    static func query(_ filter: Filter, scope: Scope, on db: any Database) async throws -> VisitList {
        let page = try await filtered(filter, scope: scope, on: db).sort(\.$visitDate, .descending)
            .sort(\.$id, .descending).paginate(Paging(page: filter.page, per: perPage))
        return VisitList(
            filter: filter, paging: page.paging, total: page.total, rows: try await rows(page.items, on: db))
    }

    /// The visits of `filter` the account may read, unsorted: the list and its export read the same.
    static func filtered(_ filter: Filter, scope: Scope, on db: any Database) -> QueryBuilder<Visit> {
        var q = scope.visitAccess.readable(Visit.query(on: db))
        if let s = filter.school { q = q.filter(\.$schoolID == s) }
        if let i = filter.inspector { q = q.filter(\.$inspectorID == i) }
        if let m = filter.month.flatMap(YearMonth.init(parsing:)) {
            q = q.filter(\.$visitDate >= m.firstDay.description).filter(\.$visitDate <= m.lastDay.description)
        }
        if let st = filter.status.flatMap(VisitStatus.init(rawValue:)) { q = q.filter(\.$status == st) }
        return q
    }

    /// The rows of `visits`, with their schools' and inspectors' names read in three queries.
    static func rows(_ visits: [Visit], on db: any Database) async throws -> [Row] {
        let schoolName = try await DirectoryQueries.schoolNames(of: visits.map(\.schoolID), on: db)
        let inspectorName = try await DirectoryQueries.inspectorNames(of: visits.compactMap(\.inspectorID), on: db)
        let recorders = try await User.query(on: db).filter(\.$id ~~ Set(visits.compactMap(\.recordedBy))).all()
        let recorderName = Dictionary(uniqueKeysWithValues: recorders.map { ($0.id!, VisitRecords.officeName($0)) })
        return visits.map {
            Row(
                id: $0.id!, date: $0.visitDate, school: schoolName[$0.schoolID] ?? "",
                inspector: $0.inspectorID.flatMap { inspectorName[$0] } ?? $0.recordedBy.flatMap { recorderName[$0] }
                    ?? "",
                kind: $0.kind, theme: $0.theme, isDraft: $0.isDraft)
        }
    }
}
