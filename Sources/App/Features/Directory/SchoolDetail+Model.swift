import DudaoCore
import Fluent

/// A school's page: its facts, its responsible inspector and 挂牌 history, its recent visits and open
/// problems, and what the account may do there. Plain values; `query` builds it.
struct SchoolDetail: Sendable {
    struct Facts: Sendable, Equatable {
        let id: Int
        let name: String
        let code: String
        let type: SchoolType
        let ownership: Ownership
        let township: String
        let area: String?
        let address: String
        let principal: String
        let phone: String
        let students: Int
        /// Enrolment by section of a combined school, in the order the page lists them.
        let sections: [SectionCount]
        let classes: Int
        let staff: Int
        let status: SchoolStatus
    }

    struct SectionCount: Sendable, Equatable {
        let section: SchoolSection
        let students: Int
    }

    /// The current responsible inspector, as the page introduces them.
    struct Responsible: Sendable, Equatable {
        let id: Int
        let name: String
        let kind: InspectorKind
        let phone: String
        let employer: String
        let post: String
        /// The stored photo's key, if any.
        let photo: String?
        /// Whether the account may open the inspector's page (a school account reads only this card).
        var opensProfile = true
    }

    /// One 挂牌 of the school, newest first; dates as stored (yyyy-MM-dd), `end` nil while current.
    struct AssignmentRow: Sendable, Equatable {
        let inspector: String?
        let start: String
        let end: String?
        let note: String
    }

    struct VisitRow: Sendable, Equatable {
        let id: Int
        let date: String
        let kind: VisitKind
        let theme: String
    }

    struct OpenProblem: Sendable, Equatable {
        let category: String
        let description: String
        let disposition: ProblemDisposition
        let noticeID: Int?
    }

    let school: Facts
    let responsible: Responsible?
    let history: [AssignmentRow]
    /// The latest submitted visits the account may read.
    let visits: [VisitRow]
    let openProblems: [OpenProblem]
    /// The account may record a visit to the school (its inspector, or one granted it).
    let mayVisit: Bool
    let mayEdit: Bool
    /// Inspectors the office may grant a temporary visit (none unless `mayEdit`).
    let grantable: [NamedID]
    /// A refused grant: why, and the choices as made.
    var grantErrors: [FieldError] = []
    var typedGrant: [String: String] = [:]
    let audit: [AuditTrailEntry]?

    static let visitCount = 10
    static let problemCount = 30
}

extension SchoolDetail {
    /// The page of school `id`, or 404 when the account may not read it.
    static func query(_ id: Int, scope: Scope, today: Day, on db: any Database) async throws -> SchoolDetail {
        let school = try await scope.schoolAccess.load(id, on: db)
        let schoolID = try school.requireID()
        let history = try await Assignment.query(on: db).filter(\.$schoolID == schoolID)
            .sort(\.$startDate, .descending).sort(\.$id, .descending).all()
        let inspectors = try await Inspector.query(on: db).filter(\.$id ~~ Set(history.map(\.inspectorID))).all()
        let byID = Dictionary(uniqueKeysWithValues: inspectors.map { ($0.id!, $0) })
        let township = try await OrgUnit.find(school.townshipID, on: db)
        let area = try await school.areaID.asyncMap { try await ResponsibilityArea.find($0, on: db) } ?? nil
        let visits = try await scope.visitAccess.readable(Visit.query(on: db)).filter(\.$schoolID == schoolID)
            .filter(\.$status == .submitted).sort(\.$visitDate, .descending).limit(visitCount).all()
        // Problems of drafts are not shown until the visit is submitted.
        let openProblems = try await ProblemAccess.submitted(Problem.query(on: db)).filter(\.$schoolID == schoolID)
            .filter(\.$state == .open).sort(\.$id, .descending).limit(problemCount).all()
        let mayVisit = try await scope.visitAccess.mayRecordVisit(to: school, today: today, on: db)
        let mayEdit = scope.schoolAccess.canEdit(school)
        let grantable = mayEdit ? try await DirectoryQueries.activeInspectors(district: school.districtID, on: db) : []
        let current = history.first { $0.endDate == nil }.flatMap { byID[$0.inspectorID] }
        let opensProfile = try await current.asyncMap { try await scope.inspectorAccess.canRead($0.id!, on: db) }
        return SchoolDetail(
            school: Facts(
                id: schoolID, name: school.name, code: school.code, type: school.type, ownership: school.ownership,
                township: township?.name ?? "", area: area?.name, address: school.address, principal: school.principal,
                phone: school.phone, students: school.students,
                sections: school.sections.sorted { $0.key.rawValue > $1.key.rawValue }
                    .map { SectionCount(section: $0.key, students: $0.value) },
                classes: school.classes, staff: school.staff, status: school.status),
            responsible: current.map {
                Responsible(
                    id: $0.id!, name: $0.name, kind: $0.kind, phone: $0.phone, employer: $0.employer, post: $0.post,
                    photo: $0.photo, opensProfile: opensProfile ?? false)
            },
            history: history.map {
                AssignmentRow(
                    inspector: byID[$0.inspectorID]?.name, start: $0.startDate, end: $0.endDate, note: $0.note)
            },
            visits: visits.map { VisitRow(id: $0.id!, date: $0.visitDate, kind: $0.kind, theme: $0.theme) },
            openProblems: openProblems.map {
                OpenProblem(
                    category: $0.category, description: $0.description, disposition: $0.disposition,
                    noticeID: $0.noticeID)
            },
            mayVisit: mayVisit, mayEdit: mayEdit, grantable: grantable.map { NamedID(id: $0.id!, name: $0.name) },
            audit: try await AuditTrailEntry.of(entity: "school", id: schoolID, scope: scope, on: db))
    }
}
