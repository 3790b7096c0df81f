import DudaoCore
import Fluent

/// What a new visit starts from: the school's last submitted visit (any inspector's) and its open problems.
/// Shown to the inspector recording a visit to the school, whose right to it was checked by the caller.
struct FollowUp: Sendable {
    struct LastVisit: Sendable {
        let id: Int
        let date: String
        let author: String?
        let kind: VisitKind
        let summary: String
    }

    struct OpenProblem: Sendable {
        let category: String
        let severity: ProblemSeverity
        let description: String
    }

    let lastVisit: LastVisit?
    let openProblems: [OpenProblem]

    /// The school's last submitted visit other than `excluding`, and its 20 newest open problems.
    static func query(schoolID: Int, excluding visitID: Int?, on db: any Database) async throws -> FollowUp {
        var q = Visit.query(on: db).filter(\.$schoolID == schoolID).filter(\.$status == .submitted)
        if let visitID { q = q.filter(\.$id != visitID) }
        let last = try await q.sort(\.$visitDate, .descending).sort(\.$id, .descending).first()
        let author = try await last.asyncMap { try await Inspector.find($0.inspectorID, on: db)?.name } ?? nil
        let problems = try await Problem.query(on: db).filter(\.$schoolID == schoolID).filter(\.$state == .open)
            .sort(\.$id, .descending).limit(20).all()
        return FollowUp(
            lastVisit: last.map {
                .init(id: $0.id!, date: $0.visitDate, author: author, kind: $0.kind, summary: $0.summary)
            },
            openProblems: problems.map {
                .init(category: $0.category, severity: $0.severity, description: $0.description)
            })
    }
}
