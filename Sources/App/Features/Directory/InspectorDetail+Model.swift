import DudaoCore
import Fluent

/// An inspector's page: facts, the schools they hold and held, their terms, warnings about terms and
/// load, and the audit trail. Plain values; `query` builds it.
struct InspectorDetail: Sendable {
    struct Facts: Sendable, Equatable {
        let id: Int
        let name: String
        let kind: InspectorKind
        let gender: Gender
        let phone: String
        let employer: String
        let post: String
        /// The current term as stored (yyyy-MM-dd).
        let termStart: String?
        let termEnd: String?
        let duties: String
        let status: InspectorStatus
        /// The stored photo's key, if any.
        let photo: String?
        /// The username of the account linked to the inspector.
        let account: String?
        /// 督学类别 (may combine).
        var roles: [InspectorDuty] = []
    }

    /// One 挂牌, newest first; `end` nil while current.
    struct AssignmentRow: Sendable, Equatable {
        let school: NamedID?
        let schoolType: SchoolType?
        let start: String
        let end: String?
    }

    struct TermRow: Sendable, Equatable {
        let start: String
        let end: String
    }

    let inspector: Facts
    let assignments: [AssignmentRow]
    let terms: [TermRow]
    /// Schools held now, and the district's limit.
    let currentSchools: Int
    let limit: Int
    /// An appointed inspector's terms in a row beyond the rule.
    let termWarning: String?
    let mayEdit: Bool
    let audit: [AuditTrailEntry]?
    /// A 特约督学 holding schools where the district does not allow it.
    var dutyWarning: String? = nil
}

extension InspectorDetail {
    /// The page of inspector `id`, or 404 when the account may not read it.
    static func query(_ id: Int, scope: Scope, on db: any Database) async throws -> InspectorDetail {
        let inspector = try await scope.inspectorAccess.load(id, on: db)
        let inspectorID = try inspector.requireID()
        let assignments = try await Assignment.query(on: db).filter(\.$inspectorID == inspectorID)
            .sort(\.$startDate, .descending).all()
        let schools = try await School.query(on: db).filter(\.$id ~~ Set(assignments.map(\.schoolID))).all()
        let byID = Dictionary(uniqueKeysWithValues: schools.map { ($0.id!, $0) })
        let terms = try await InspectorTerm.query(on: db).filter(\.$inspectorID == inspectorID).sort(\.$startDate).all()
        let settings = try await DistrictSettings.forDistrict(inspector.districtID, on: db)
        let account = try await User.query(on: db).filter(\.$inspectorID == inspectorID).first()
        let termWarning = inspector.term.flatMap { t in
            InspectorRules.termWarning(
                kind: inspector.kind, previousTerms: terms.compactMap(\.term).filter { $0 != t }, proposed: t)
        }
        return InspectorDetail(
            inspector: Facts(
                id: inspectorID, name: inspector.name, kind: inspector.kind, gender: inspector.gender,
                phone: inspector.phone,
                employer: inspector.employer, post: inspector.post, termStart: inspector.termStart,
                termEnd: inspector.termEnd,
                duties: inspector.duties, status: inspector.status, photo: inspector.photo, account: account?.username,
                roles: inspector.dutyList),
            assignments: assignments.map { a in
                let s = byID[a.schoolID]
                return AssignmentRow(
                    school: s.map { NamedID(id: $0.id!, name: $0.name) }, schoolType: s?.type, start: a.startDate,
                    end: a.endDate)
            },
            terms: terms.map { TermRow(start: $0.startDate, end: $0.endDate) },
            currentSchools: assignments.filter { $0.endDate == nil }.count, limit: settings.maxSchoolsPerInspector,
            termWarning: termWarning, mayEdit: scope.inspectorAccess.canEdit(inspector),
            audit: try await AuditTrailEntry.of(entity: "inspector", id: inspectorID, scope: scope, on: db),
            dutyWarning: assignments.contains { $0.endDate == nil }
                ? InspectorRules.specialAsResponsibleWarning(
                    name: inspector.name, duties: inspector.dutyList, allowed: settings.specialMayBeResponsible) : nil)
    }
}
