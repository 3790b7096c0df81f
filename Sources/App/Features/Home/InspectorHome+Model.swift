import DudaoCore
import Fluent

/// An inspector's workbench: what to do today (see `HomeTodo.inspector`), this semester's 六个一 with the visit
/// calendar, and the open problems of their schools.
struct InspectorHome: Sendable {
    struct SchoolCard: Sendable, Equatable, Decodable {
        static let columns = ["id", "name", "type", "students", "principal", "phone"]
        let id: Int
        let name: String
        let type: SchoolType
        let students: Int
        let principal: String
        let phone: String
    }

    struct OpenProblem: Sendable, Equatable {
        let school: String
        let category: String
        /// The visit or complaint the problem came from (the register when neither).
        let source: String
        let description: String
        let disposition: ProblemDisposition
    }

    let inspectorID: Int
    /// The schools assigned to the inspector now, by name.
    let schools: [SchoolCard]
    /// The district's cap on schools per inspector (nil when the account has no inspector record).
    let maxSchools: Int?
    let semester: Semester
    let result: ComplianceResult
    /// The schools with a visit state this semester, for the calendar.
    let calendarSchools: [NamedSchool]
    /// What the inspector must do: schools to visit, plans, drafts, reviews, complaints, shortfalls.
    let todo: [TodoGroup]
    /// The 20 newest open problems of the inspector's schools.
    let problems: [OpenProblem]
}

extension InspectorHome {
    static func query(scope: Scope, today: Day, on db: any Database) async throws -> InspectorHome {
        let schools = try await scope.schoolAccess.readable(School.query(on: db)).sort(\.$name).sort(\.$id)
            .rows(SchoolCard.self, columns: SchoolCard.columns)
        let settings =
            try await scope.principal.inspectorID.asyncMap {
                try await DistrictSettings.forInspector($0, on: db)
            } ?? nil
        let semester = settings?.terms.semester(containing: today) ?? Semester.containing(today)
        let me = scope.principal.inspectorID ?? -1
        let result = try await ComplianceService.evaluate(
            inspectorIDs: [me], semester: semester, today: today,
            settings: settings?.complianceSettings ?? ComplianceSettings(), on: db)
        // As the register lists them: not those of a record still in draft, whoever wrote it.
        let problems = try await ProblemAccess.submitted(Problem.query(on: db))
            .filter(\.$schoolID ~~ schools.map(\.id))
            .filter(\.$state == .open).sort(\.$id, .descending).limit(20)
            .rows(
                ProblemRow.self,
                columns: ["school_id", "category", "visit_id", "complaint_id", "description", "disposition"])
        let nameOf = Dictionary(uniqueKeysWithValues: schools.map { ($0.id, $0.name) })
        let todo = try await HomeTodo.inspector(scope: scope, result: result, schoolNames: nameOf, today: today, on: db)
        return InspectorHome(
            inspectorID: me,
            schools: schools,
            maxSchools: settings?.maxSchoolsPerInspector, semester: semester, result: result,
            calendarSchools: schools.filter { s in result.monthStates.keys.contains { $0.schoolID == s.id } }
                .map { NamedSchool(id: $0.id, name: $0.name) },
            todo: todo,
            problems: problems.map {
                OpenProblem(
                    school: nameOf[$0.schoolId] ?? "", category: $0.category,
                    source: $0.visitId.map { SiteURL.visit($0).path } ?? $0.complaintId.map {
                        SiteURL.complaint($0).path
                    } ?? SiteURL.problems.path,
                    description: $0.description, disposition: $0.disposition)
            })
    }

    /// What the home shows of an open problem.
    struct ProblemRow: Decodable, Sendable {
        let schoolId: Int
        let category: String
        let visitId: Int?
        let complaintId: Int?
        let description: String
        let disposition: ProblemDisposition
    }
}
