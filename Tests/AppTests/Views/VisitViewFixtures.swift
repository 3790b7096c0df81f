import DudaoCore
import Foundation

@testable import App

/// Fixed records for the snapshots of the visit, plan, report, compliance and home pages.
enum VisitFixtures {
    static let day = Day(year: 2026, month: 11, day: 12)!
    static let semester = Semester(startYear: 2026, kind: .autumn)

    /// A visit with one of each section: a lesson with scores, a research session, interviews (one internal),
    /// checks with a failed homework finding, two problems (one with a notice), a photo.
    static func record(isDraft: Bool, amendments: [VisitDetail.Record.Amendment] = []) -> VisitDetail.Record {
        var checks = VisitChecks()
        checks.documents = ["作业布置与批改", "教学计划"]
        checks.documentNotes = "抽查四年级作业本20本。"
        checks.workload.band = .upperPrimary
        checks.workload.homeworkMinutes = 90
        checks.workload.phonesManaged = true
        return VisitDetail.Record(
            id: 12, schoolName: "城关街道中心小学", date: "2026-11-12", start: "08:30", end: isDraft ? "" : "11:40",
            kind: .routine,
            theme: "作业管理", summary: isDraft ? "" : "推门听课一节，查阅作业批改记录。\n与教师、学生座谈。",
            highlights: isDraft ? "" : "课后服务项目丰富。", isDraft: isDraft, submittedAt: isDraft ? nil : fixtureTime,
            team: ["王建华", "李敏"],
            plan: .init(plannedDate: "2026-11-10", tasks: "常规督导", methods: "推门听课；查阅资料", focus: "作业管理"),
            checks: checks, profile: SchoolType.primary.visitProfile, rubric: .standard, bands: RubricBands(),
            observations: [
                .init(
                    id: 3, kind: .lesson, className: "四（2）班", subject: "数学", teacher: "张老师", topic: "两位数乘两位数",
                    scores: ["教学目标": 12, "教学内容": 16, "教学方法": 15, "学生参与": 20, "教学效果": 16], comment: "目标清楚，练习充分。"),
                .init(
                    id: 4, kind: .research, className: "", subject: "", teacher: "", topic: "数学组集体备课", scores: [:],
                    comment: ""),
            ],
            interviews: [
                .init(id: 5, group: .teachers, people: 2, notes: "教师反映作业量已减少。", isInternal: false),
                .init(id: 6, group: .students, people: 3, notes: "学生说周末作业多。", isInternal: true),
            ],
            interviewed: [.teachers: 2, .students: 3],
            problems: [
                .init(
                    id: 21, schoolID: 1, category: "作业管理", severity: .serious, disposition: .rectify, state: .open,
                    description: "四年级书面作业时长超过规定。", noticeID: nil),
                .init(
                    id: 22, schoolID: 1, category: "安全", severity: .minor, disposition: .suggest, state: .open,
                    description: "消防演练记录不全。", noticeID: 7),
            ],
            photos: [.init(id: 31, caption: "课堂"), .init(id: 32, caption: "")],
            amendments: amendments)
    }

    /// A draft at a kindergarten: a 保教活动 with the kindergarten rubric, teachers and parents interviewed, the
    /// kindergarten checks with a 小学化 finding.
    static func kindergartenDraft() -> VisitDetail.Record {
        var checks = VisitChecks()
        checks.documents = ["幼儿一日活动安排", "晨午检与消毒记录"]
        var k = KindergartenObservation()
        k.noWrittenHomework = false
        k.foodSafety = true
        k.children = 32
        k.careStaff = 3
        checks.kindergarten = k
        return VisitDetail.Record(
            id: 14, schoolName: "城关街道中心幼儿园", date: "2026-11-12", start: "08:30", end: "", kind: .routine,
            theme: "", summary: "", highlights: "", isDraft: true, submittedAt: nil, team: ["王建华"], plan: nil,
            checks: checks, profile: SchoolType.kindergarten.visitProfile, rubric: .kindergarten, bands: RubricBands(),
            observations: [
                .init(
                    id: 5, kind: .activity, className: "大（1）班", subject: "游戏活动", teacher: "周老师", topic: "区域游戏“小超市”",
                    scores: ["活动目标": 13, "环境与材料": 17, "师幼互动": 21, "幼儿参与": 22, "保育与安全": 13], comment: "材料丰富，幼儿自主选择。")
            ],
            interviews: [.init(id: 7, group: .parents, people: 3, notes: "家长希望多开展户外活动。", isInternal: false)],
            interviewed: [.parents: 3], problems: [], photos: [], amendments: [])
    }

    static let followUp = FollowUp(
        lastVisit: .init(id: 9, date: "2026-10-20", author: "王建华", kind: .routine, summary: "查阅了教学计划。"),
        openProblems: [.init(category: "安全", severity: .minor, description: "消防演练记录不全。")])

    /// Inspector 1 (王建华) with schools 1 and 2, inspector 2 (李敏) with school 3, in the autumn semester of 2026.
    static func compliance(today: Day = Day(year: 2026, month: 11, day: 16)!) -> ComplianceResult {
        let start = Day(year: 2026, month: 9, day: 1)!
        return Compliance.evaluate(
            ComplianceInput(
                inspectorIDs: [1, 2],
                assignments: [
                    .init(inspectorID: 1, schoolID: 1, start: start), .init(inspectorID: 1, schoolID: 2, start: start),
                    .init(inspectorID: 2, schoolID: 3, start: start),
                ],
                visits: [
                    .init(
                        id: 1, schoolID: 1, date: Day(year: 2026, month: 9, day: 10)!, leadInspectorID: 1,
                        hadPlanBefore: true,
                        observations: 1, teachersInterviewed: 2, studentsInterviewed: 3),
                    .init(
                        id: 2, schoolID: 1, date: Day(year: 2026, month: 10, day: 15)!, leadInspectorID: 1,
                        hadPlanBefore: false,
                        observations: 1, teachersInterviewed: 2, studentsInterviewed: 1),
                    .init(
                        id: 3, schoolID: 2, date: Day(year: 2026, month: 9, day: 20)!, leadInspectorID: 1,
                        hadPlanBefore: true,
                        observations: 1, teachersInterviewed: 2, studentsInterviewed: 3),
                    .init(
                        id: 4, schoolID: 3, date: Day(year: 2026, month: 9, day: 8)!, leadInspectorID: 2,
                        hadPlanBefore: true,
                        observations: 1, teachersInterviewed: 2, studentsInterviewed: 3),
                    .init(
                        id: 5, schoolID: 3, date: Day(year: 2026, month: 10, day: 9)!, leadInspectorID: 2,
                        hadPlanBefore: true,
                        observations: 1, teachersInterviewed: 2, studentsInterviewed: 3),
                    .init(
                        id: 6, schoolID: 3, date: Day(year: 2026, month: 11, day: 6)!, leadInspectorID: 2,
                        hadPlanBefore: true,
                        observations: 1, teachersInterviewed: 2, studentsInterviewed: 3),
                ],
                filedPlans: [.init(inspectorID: 2, semester: semester)],
                semester: semester, today: today))
    }
}
