import DudaoCore
import Fluent
import Foundation

/// One report as its page shows it; the office may recommend a case for the district's competition.
struct ReportDetail: Sendable {
    let id: Int
    let title: String
    let kind: ReportKind
    let inspector: String
    let semester: String
    let createdAt: Date?
    let body: String
    let selected: Bool
    let maySelect: Bool

    /// The page of `report`, which the caller loaded through the account's report access.
    static func query(_ report: WorkReport, scope: Scope, on db: any Database) async throws -> ReportDetail {
        let inspector = try await Inspector.find(report.inspectorID, on: db)
        return ReportDetail(
            id: report.id!, title: report.title, kind: report.kind, inspector: inspector?.name ?? "",
            semester: report.semester,
            createdAt: report.createdAt, body: report.body, selected: report.selected,
            maySelect: scope.reportAccess.canSelect(report) && report.kind == .caseStudy)
    }
}
