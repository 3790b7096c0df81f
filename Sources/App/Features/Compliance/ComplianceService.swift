import DudaoCore
import Fluent
import SQLKit
import Vapor

/// Loads the facts the 六个一 rules need for some inspectors and one semester, with a handful of
/// set-based queries (no query per visit), and hands them to `Compliance.evaluate`.
enum ComplianceService {
    struct VisitRow: Decodable {
        let id: Int
        let school_id: Int
        let visit_date: String
        /// NULL for a visit the office recorded; its team members are credited.
        let inspector_id: Int?
        let visit_plan_id: Int?
        let observations: Int
        let teachers: Int
        let caregivers: Int
        let students: Int
        let parents: Int
        let school_type: String
    }

    /// What the rules read of an assignment, a team member, a filed plan or a report: a few columns, not the models
    /// (a province's summary reads tens of thousands of them).
    struct AssignmentRow: Decodable, Sendable {
        let inspectorId: Int
        let schoolId: Int
        let startDate: String
        let endDate: String?
    }

    struct MemberRow: Decodable, Sendable {
        let visitId: Int
        let inspectorId: Int
    }

    /// A filed 责任区 plan (`kind` NULL) or a work report of the semester.
    struct FilingRow: Decodable, Sendable {
        let inspectorId: Int
        let kind: ReportKind?
    }

    static func evaluate(
        inspectorIDs: [Int], semester: Semester, today: Day, settings: ComplianceSettings,
        on db: any Database
    ) async throws -> ComplianceResult {
        guard !inspectorIDs.isEmpty, let sql = db as? any SQLDatabase else {
            return Compliance.evaluate(
                ComplianceInput(
                    inspectorIDs: inspectorIDs, assignments: [], visits: [], filedPlans: [],
                    reports: [], semester: semester, today: today, settings: settings))
        }
        let first = semester.firstDay.description
        let last = min(semester.lastDay, today).description
        let assignments = try await Assignment.query(on: db).filter(\.$inspectorID ~~ inspectorIDs)
            .filter(\.$startDate <= semester.lastDay.description)
            .group(.or) { $0.filter(\.$endDate == nil).filter(\.$endDate >= first) }
            .rows(AssignmentRow.self, columns: ["inspector_id", "school_id", "start_date", "end_date"])
            .compactMap { a -> ComplianceInput.AssignmentSpan? in
                guard let s = Day(parsing: a.startDate) else { return nil }
                return .init(
                    inspectorID: a.inspectorId, schoolID: a.schoolId, start: s,
                    end: a.endDate.flatMap(Day.init(parsing:)))
            }
        // Visits led by or joined by these inspectors, with their per-visit counts, in one query. The UNION
        // (not an OR) lets both databases start from the inspector indexes instead of every visit in the dates.
        let ids = SQLList(inspectorIDs.map { SQLBind($0) })
        let rows = try await sql.raw(
            """
            SELECT v.id, v.school_id, v.visit_date, v.inspector_id, v.visit_plan_id,
              (SELECT COUNT(*) FROM class_observations o WHERE o.visit_id = v.id) AS observations,
              (SELECT CAST(COALESCE(SUM(i.people), 0) AS INTEGER) FROM interviews i WHERE i.visit_id = v.id AND i.interview_group = 'teachers') AS teachers,
              (SELECT CAST(COALESCE(SUM(i.people), 0) AS INTEGER) FROM interviews i WHERE i.visit_id = v.id AND i.interview_group = 'caregivers') AS caregivers,
              (SELECT CAST(COALESCE(SUM(i.people), 0) AS INTEGER) FROM interviews i WHERE i.visit_id = v.id AND i.interview_group = 'students') AS students,
              (SELECT CAST(COALESCE(SUM(i.people), 0) AS INTEGER) FROM interviews i WHERE i.visit_id = v.id AND i.interview_group = 'parents') AS parents,
              (SELECT s.type FROM schools s WHERE s.id = v.school_id) AS school_type
            FROM visits v
            WHERE v.status = 'submitted' AND v.visit_date >= \(bind: first) AND v.visit_date <= \(bind: last)
              AND v.id IN (
                SELECT l.id FROM visits l WHERE l.inspector_id IN (\(ids)) AND l.visit_date >= \(bind: first) AND l.visit_date <= \(bind: last)
                UNION SELECT m.visit_id FROM visit_members m WHERE m.inspector_id IN (\(ids)))
            """
        ).all(decoding: VisitRow.self)
        let visitIDs = rows.map(\.id)
        var members: [Int: [Int]] = [:]
        for chunk in visitIDs.chunked(1000) {
            let rows = try await VisitMember.query(on: db).filter(\.$visitID ~~ chunk).sort(\.$id)
                .rows(MemberRow.self, columns: ["visit_id", "inspector_id"])
            for m in rows { members[m.visitId, default: []].append(m.inspectorId) }
        }
        let visits = rows.compactMap { r -> ComplianceInput.VisitFacts? in
            let team = members[r.id] ?? []
            guard let d = Day(parsing: r.visit_date), let lead = r.inspector_id ?? team.first else { return nil }
            // At a kindergarten the 保育员 count with the teachers, and parents stand for the students.
            let kindergarten = SchoolType(rawValue: r.school_type)?.visitProfile.isKindergarten ?? false
            return .init(
                id: r.id, schoolID: r.school_id, date: d, leadInspectorID: lead,
                memberIDs: team.filter { $0 != lead },
                hadPlanBefore: r.visit_plan_id != nil, observations: r.observations,
                teachersInterviewed: r.teachers + (kindergarten ? r.caregivers : 0), studentsInterviewed: r.students,
                atKindergarten: kindergarten, parentsInterviewed: r.parents)
        }
        let (plans, reports) = try await filings(inspectorIDs: ids, semester: semester, on: sql)
        return Compliance.evaluate(
            ComplianceInput(
                inspectorIDs: inspectorIDs, assignments: assignments, visits: visits,
                filedPlans: plans, reports: reports, semester: semester, today: today, settings: settings))
    }

    /// The inspectors' filed plans and their reports of the semester, read in one statement.
    private static func filings(inspectorIDs ids: SQLList, semester: Semester, on sql: any SQLDatabase) async throws
        -> ([ComplianceInput.PlanFacts], [ComplianceInput.ReportFacts])
    {
        let rows = try await sql.raw(
            """
            SELECT p.inspector_id, NULL AS kind FROM area_plans p
            WHERE p.inspector_id IN (\(ids)) AND p.semester = \(bind: semester.code) AND p.status = \(bind: PlanStatus.filed.rawValue)
            UNION ALL SELECT r.inspector_id, r.kind FROM work_reports r
            WHERE r.inspector_id IN (\(ids)) AND r.semester = \(bind: semester.code)
            """
        ).all(decoding: FilingRow.self, keyDecodingStrategy: .snakeCaseColumns)
        let plans = rows.filter { $0.kind == nil }.map {
            ComplianceInput.PlanFacts(inspectorID: $0.inspectorId, semester: semester)
        }
        let reports = rows.compactMap { row in
            row.kind.map { ComplianceInput.ReportFacts(inspectorID: row.inspectorId, kind: $0, semester: semester) }
        }
        return (plans, reports)
    }

    /// The semester named by `code` (`2026-autumn`), or the one of `today` by the district's term dates.
    static func semester(code: String?, today: Day, terms: TermDates = TermDates()) -> Semester {
        code.flatMap(Semester.init(code:)) ?? terms.semester(containing: today)
    }

    /// The semester named in the query (`?semester=2026-autumn`), or the current one of the account's district.
    static func semester(_ req: Request) async throws -> Semester {
        let terms = try await currentTerms(req)
        return semester(code: req.query[String.self, at: "semester"], today: req.today, terms: terms)
    }

    /// The term dates of the account's district.
    static func currentTerms(_ req: Request) async throws -> TermDates {
        try await currentTerms(try await Scope.of(req), on: req.db)
    }

    static func currentTerms(_ scope: Scope, on db: any Database) async throws -> TermDates {
        let district = try await scope.district(on: db)
        return try await DistrictSettings.forDistrict(district.id!, on: db).terms
    }
}
