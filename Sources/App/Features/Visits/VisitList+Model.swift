import DudaoCore
import Fluent
import Foundation

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
    /// When a province's total was counted, when it is kept for a while (see `ListTotals`); nil: just now.
    var countedAt: Date? = nil
    let rows: [Row]

    static let perPage = 30
}

extension VisitList {
    /// The page of visits for `filter`, through the account's visit access (a filter never widens it). The total is
    /// counted by `totals` when given (a root account's is kept for a while, see `ListTotals`).
    static func query(_ filter: Filter, scope: Scope, totals: ListTotals? = nil, on db: any Database) async throws
        -> VisitList
    {
        let paging = Paging(page: filter.page, per: perPage)
        let total = try await filtered(filter, scope: scope, on: db).total(by: totals, scope: scope, searching: false)
        let page = try await filtered(filter, scope: scope, on: db, newestFirst: true)
            .sort(\.$visitDate, .descending).sort(\.$id, .descending)
            .paginate(paging, total: total.count, as: Listed.self, columns: Listed.columns)
        return VisitList(
            filter: filter, paging: paging, total: total.count, countedAt: total.countedAt,
            rows: try await rows(page.items, on: db))
    }

    /// What the list and its export read of a visit.
    struct Listed: Decodable, Sendable {
        static let columns = [
            "id", "school_id", "inspector_id", "recorded_by", "visit_date", "kind", "theme", "status",
        ]
        let id: Int
        let schoolId: Int
        let inspectorId: Int?
        let recordedBy: Int?
        let visitDate: String
        let kind: VisitKind
        let theme: String
        let status: VisitStatus
    }

    /// The visits of `filter` the account may read, unsorted: the list and its export read the same.
    ///
    /// `newestFirst`: the query reads by date, newest first. At the tree's root the subtree, every visit, then chooses
    /// no index on SQLite, which reads the newest through the date's index instead of sorting a province's visits
    /// (page 1 at 174 199 visits 27 → 0.1 ms, page 50 47 → 1 ms), except for drafts, which are few and found by the
    /// subtree's (org_path, status, …) index.
    static func filtered(_ filter: Filter, scope: Scope, on db: any Database, newestFirst: Bool = false)
        -> QueryBuilder<Visit>
    {
        let status = filter.status.flatMap(VisitStatus.init(rawValue:))
        let byDate = newestFirst && !scope.readsPartOfSchools && status != .draft
        var q = scope.visitAccess.readable(Visit.query(on: db), subtreeChoosesIndex: !byDate)
        if let s = filter.school { q = q.filter(\.$schoolID == s) }
        if let i = filter.inspector { q = q.filter(\.$inspectorID == i) }
        if let m = filter.month.flatMap(YearMonth.init(parsing:)) {
            q = q.filter(\.$visitDate >= m.firstDay.description).filter(\.$visitDate <= m.lastDay.description)
        }
        if let status { q = q.filter(\.$status == status) }
        return q
    }

    /// The rows of `visits`, with their schools', inspectors' and recorders' names read in three queries.
    static func rows(_ visits: [Listed], on db: any Database) async throws -> [Row] {
        let schoolName = try await DirectoryQueries.schoolNames(of: visits.map(\.schoolId), on: db)
        let inspectorName = try await DirectoryQueries.inspectorNames(of: visits.compactMap(\.inspectorId), on: db)
        let recorderName = try await recorderNames(of: visits.compactMap(\.recordedBy), on: db)
        return visits.map {
            Row(
                id: $0.id, date: $0.visitDate, school: schoolName[$0.schoolId] ?? "",
                inspector: $0.inspectorId.flatMap { inspectorName[$0] } ?? $0.recordedBy.flatMap { recorderName[$0] }
                    ?? "",
                kind: $0.kind, theme: $0.theme, isDraft: $0.status == .draft)
        }
    }

    /// The names of the office accounts that recorded visits (`VisitRecords.officeName`), by account id.
    private static func recorderNames(of ids: [Int], on db: any Database) async throws -> [Int: String] {
        guard !ids.isEmpty else { return [:] }
        struct Recorder: Decodable, Sendable {
            let id: Int
            let displayName: String
        }
        let recorders = try await User.query(on: db).filter(\.$id ~~ Set(ids))
            .rows(Recorder.self, columns: ["id", "display_name"])
        return Dictionary(recorders.map { ($0.id, VisitRecords.officeName(displayName: $0.displayName)) }) { a, _ in a }
    }
}
