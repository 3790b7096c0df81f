import DudaoCore
import Fluent

/// 工作总结与督导案例: the reports the account may read, newest semester first (at most 200), optionally of one kind.
struct ReportList: Sendable {
    struct Row: Sendable, Equatable {
        let id: Int
        let semester: String
        let kind: ReportKind
        let title: String
        let inspector: String
        let selected: Bool
    }

    let rows: [Row]

    static let limit = 200

    static func query(kind: ReportKind?, scope: Scope, on db: any Database) async throws -> ReportList {
        var q = scope.reportAccess.readable(WorkReport.query(on: db))
        if let kind { q = q.filter(\.$kind == kind) }
        let reports = try await q.sort(\.$semester, .descending).sort(\.$id, .descending).limit(limit).all()
        let nameOf = try await DirectoryQueries.inspectorNames(of: reports.map(\.inspectorID), on: db)
        return ReportList(
            rows: reports.map {
                Row(
                    id: $0.id!, semester: $0.semester, kind: $0.kind, title: $0.title,
                    inspector: nameOf[$0.inspectorID] ?? "", selected: $0.selected)
            })
    }
}
