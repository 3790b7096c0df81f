import DudaoCore
import Fluent
import Foundation
import Vapor

/// 存在问题, 督导月报 and 工作总结/督导案例 for incremental sync, scoped like the register and the report lists.
extension SyncAPI {
    // MARK: - 存在问题

    struct ProblemDTO: Content {
        let id: Int
        let schoolId: Int
        let inspectorId: Int
        /// Where it was found: a visit, a complaint, or a campaign's 督导意见书.
        let visitId: Int?
        let complaintId: Int?
        let campaignTargetId: Int?
        let category: String
        let severity: String
        let severityLabel: String
        let disposition: String
        let dispositionLabel: String
        let description: String
        let state: String
        let stateLabel: String
        let noticeId: Int?
        let deadline: String?
        let referralDepartment: String
        let referralReply: String
        let createdAt: Date?
        let updatedAt: Date?

        init(_ p: Problem) {
            id = p.id!
            schoolId = p.schoolID
            inspectorId = p.inspectorID
            visitId = p.visitID
            complaintId = p.complaintID
            campaignTargetId = p.campaignTargetID
            category = p.category
            severity = p.severity.rawValue
            severityLabel = p.severity.label
            disposition = p.disposition.rawValue
            dispositionLabel = p.disposition.label
            description = p.description
            state = p.state.rawValue
            stateLabel = p.state.label
            noticeId = p.noticeID
            deadline = p.deadline
            referralDepartment = p.referralDepartment
            referralReply = p.referralReply
            createdAt = p.createdAt
            updatedAt = p.updatedAt
        }
    }

    /// The problems of submitted records the account may read (as the problem register lists them).
    static func problems(req: Request) async throws -> APIController.PageOf<ProblemDTO> {
        let scope = try await Scope.of(req)
        let state = try APIQuery.choice(req, "state", as: ProblemState.self, label: "问题状态")
        let severity = try APIQuery.choice(req, "severity", as: ProblemSeverity.self, label: "严重程度")
        var q = ProblemAccess.submitted(scope.problemAccess.readable(Problem.query(on: req.db)))
        if let state { q = q.filter(\.$state == state) }
        if let severity { q = q.filter(\.$severity == severity) }
        return try await page(q, req) { rows in rows.map(ProblemDTO.init) }
    }

    // MARK: - 督导月报

    struct MonthlyFiguresDTO: Content {
        let visits: Int
        let schools: Int
        let observations: Int
        let interviews: Int
        let problemsFound: Int
        let noticesClosed: Int
        let complaintsHandled: Int
    }

    struct MonthlyReportDTO: Content {
        let id: Int
        let inspectorId: Int
        let month: String
        let state: String
        let stateLabel: String
        /// The month's figures as submitted; absent while a draft (the page counts them live).
        let figures: MonthlyFiguresDTO?
        let remarks: String
        let officeComment: String
        let submittedOn: String?
        let updatedAt: Date?

        init(_ r: MonthlyReport) {
            id = r.id!
            inspectorId = r.inspectorID
            month = r.month
            state = r.state.rawValue
            stateLabel = r.state.label
            figures =
                r.state == .draft
                ? nil
                : r.figures.map {
                    MonthlyFiguresDTO(
                        visits: $0.visits, schools: $0.schools, observations: $0.observations,
                        interviews: $0.interviews, problemsFound: $0.problemsFound, noticesClosed: $0.noticesClosed,
                        complaintsHandled: $0.complaintsHandled)
                }
            remarks = r.remarks
            officeComment = r.officeComment
            submittedOn = r.submittedOn
            updatedAt = r.updatedAt
        }
    }

    static func monthlyReports(req: Request) async throws -> APIController.PageOf<MonthlyReportDTO> {
        let scope = try await Scope.of(req)
        try scope.requireAPIRole(.supervisors, "学校账号无权查看督导月报")
        let state = try APIQuery.choice(req, "state", as: MonthlyReportState.self, label: "月报状态")
        var q = scope.monthlyReportAccess.readable(MonthlyReport.query(on: req.db))
        if let month = req.query[String.self, at: "month"] {
            // As the document's pattern: YYYY-MM, 1900–2099.
            guard let parsed = YearMonth(parsing: month), parsed.description == month, parsed.year < 2100 else {
                throw APIError(status: .badRequest, code: "bad_request", message: "月份应写成 2026-11")
            }
            q = q.filter(\.$month == parsed.description)
        }
        if let state { q = q.filter(\.$state == state) }
        return try await page(q, req) { rows in rows.map(MonthlyReportDTO.init) }
    }

    // MARK: - 工作总结和督导案例

    struct WorkReportDTO: Content {
        let id: Int
        let inspectorId: Int
        let semester: String
        let kind: String
        let kindLabel: String
        let title: String
        let body: String
        /// Recommended by the office for the district's case competition.
        let selected: Bool
        let createdAt: Date?
        let updatedAt: Date?

        init(_ r: WorkReport) {
            id = r.id!
            inspectorId = r.inspectorID
            semester = r.semester
            kind = r.kind.rawValue
            kindLabel = r.kind.label
            title = r.title
            body = r.body
            selected = r.selected
            createdAt = r.createdAt
            updatedAt = r.updatedAt
        }
    }

    static func workReports(req: Request) async throws -> APIController.PageOf<WorkReportDTO> {
        let scope = try await Scope.of(req)
        try scope.requireAPIRole(.supervisors, "学校账号无权查看督学的总结和案例")
        let kind = try APIQuery.choice(req, "kind", as: ReportKind.self, label: "类别")
        var q = scope.reportAccess.readable(WorkReport.query(on: req.db))
        if let kind { q = q.filter(\.$kind == kind) }
        return try await page(q, req) { rows in rows.map(WorkReportDTO.init) }
    }
}
