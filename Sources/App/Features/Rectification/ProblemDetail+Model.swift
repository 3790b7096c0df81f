import DudaoCore
import Fluent
import Foundation

/// One problem: where it came from, its notice, and for 协商 (referral) the department and its reply.
struct ProblemDetail: Sendable {
    let id: Int
    let school: String
    let schoolID: Int
    let category: String
    let severity: ProblemSeverity
    let disposition: ProblemDisposition
    let state: ProblemState
    let description: String
    let foundAt: Date?
    let deadline: Day?
    let referralDepartment: String
    let referralReply: String
    let visitID: Int?
    let complaintID: Int?
    let noticeID: Int?
    /// The referral form is offered (`ProblemAccess.canRefer`).
    let mayRefer: Bool
    /// A 整改通知书 may be opened on it here (`NoticeAccess.mayIssue`, an open 整改 problem without a notice).
    let mayIssueNotice: Bool
    /// Photos taken of the problem on its visit.
    var photos: [PhotoRef] = []

    struct PhotoRef: Sendable, Equatable {
        let visit: Int
        let photo: Int
        let caption: String
    }
    /// A refused referral: why, and what was typed (by field name).
    var errors: [FieldError] = []
    var typed: [String: String] = [:]
}

extension ProblemDetail {
    static func query(_ p: Problem, scope: Scope, on db: any Database) async throws -> ProblemDetail {
        let school = try await School.find(p.schoolID, on: db)
        let issuable = p.disposition == .rectify && p.state == .open && p.noticeID == nil
        let photos = try await VisitPhoto.query(on: db).filter(\.$problemID == p.id!)
            .filter(\.$visitID == (p.visitID ?? -1)).sort(\.$id).limit(20).all()
        var detail = ProblemDetail(
            id: p.id!, school: school?.name ?? "", schoolID: p.schoolID, category: p.category, severity: p.severity,
            disposition: p.disposition,
            state: p.state, description: p.description, foundAt: p.createdAt,
            deadline: p.deadline.flatMap(Day.init(parsing:)),
            referralDepartment: p.referralDepartment, referralReply: p.referralReply, visitID: p.visitID,
            complaintID: p.complaintID, noticeID: p.noticeID, mayRefer: scope.problemAccess.canRefer(p),
            mayIssueNotice: issuable && school.map(scope.noticeAccess.mayIssue(for:)) == true)
        detail.photos = photos.map {
            PhotoRef(visit: $0.visitID, photo: $0.id!, caption: $0.caption)
        }
        return detail
    }
}
