import DudaoCore
import Fluent
import Foundation

/// 督导记录 as its page shows it: the record with its sections and, for the author of a draft, the
/// section forms, the 六个一 reminders and what to follow up; for a submitted record, its corrections.
struct VisitDetail: Sendable {
    /// A visit and its sections as plain values (also what the printed 工作记录表 shows).
    struct Record: Sendable {
        struct Plan: Sendable, Equatable {
            let plannedDate: String
            let tasks: String
            let methods: String
            let focus: String
        }

        struct Observation: Sendable, Equatable {
            let id: Int
            let kind: ObservationKind
            let className: String
            let subject: String
            let teacher: String
            let topic: String
            let scores: [String: Int]
            let comment: String
        }

        struct Interview: Sendable, Equatable {
            let id: Int
            let group: InterviewGroup
            let people: Int
            let notes: String
            let isInternal: Bool
        }

        struct Problem: Sendable, Equatable {
            let id: Int
            let schoolID: Int
            let category: String
            let severity: ProblemSeverity
            let disposition: ProblemDisposition
            let state: ProblemState
            let description: String
            let noticeID: Int?
        }

        struct Photo: Sendable, Equatable {
            let id: Int
            let caption: String
            /// What it shows: the visit, a problem or an observation of it.
            var subject: PhotoSubject = .visit
            /// When it was received, and the hash of its bytes (the evidence it has not been changed).
            var takenAt: Date? = nil
            var hash = ""
        }

        struct Amendment: Sendable, Equatable {
            let at: Date?
            let userName: String
            let reason: String
            let changes: [FieldChange]
        }

        let id: Int
        let schoolName: String
        let date: String
        let start: String
        let end: String
        let kind: VisitKind
        let theme: String
        let summary: String
        let highlights: String
        let isDraft: Bool
        let submittedAt: Date?
        /// The author first, then the team members.
        let team: [String]
        let plan: Plan?
        let checks: VisitChecks
        /// What a visit to this type of school records, and its words.
        let profile: VisitProfile
        let rubric: Rubric
        let bands: RubricBands
        let observations: [Observation]
        /// The interviews the account may read (a school does not see the internal ones).
        let interviews: [Interview]
        /// People interviewed per group, over all the visit's interviews.
        let interviewed: [InterviewGroup: Int]
        let problems: [Problem]
        let photos: [Photo]
        /// 主题检查表: filled in, or offered to a draft by the month's theme.
        var checklist: VisitChecklist? = nil

        /// The photos that show `subject`.
        func photos(of subject: PhotoSubject) -> [Photo] { photos.filter { $0.subject == subject } }

        /// "问题：安全 · 消防通道…" — what a photo shows, in words.
        func label(of subject: PhotoSubject) -> String {
            switch subject {
            case .visit: return "督导现场"
            case .problem(let id):
                return problems.first { $0.id == id }.map { "问题：\($0.category) · \(String($0.description.prefix(16)))" }
                    ?? "问题"
            case .observation(let id):
                return observations.first { $0.id == id }.map { "听课：\($0.className)《\($0.topic)》" } ?? "听课"
            }
        }
        let amendments: [Amendment]
    }

    /// A section's form that was sent with errors, shown again open with the messages.
    /// A section's form that was sent with errors, shown again open with the messages and everything typed.
    struct Failure: Sendable, Equatable {
        let section: String
        let errors: [FieldError]
        /// What was typed, by field name ("className", "scores[教学目标]" …); nothing is lost on a refusal.
        var values: [String: String] = [:]
        /// Fields sent several times (ticked documents).
        var lists: [String: [String]] = [:]
    }

    let record: Record
    /// The district's problem categories, for the problem form.
    let categories: [String]
    /// The district's document checklist for this type of school.
    let documents: [String]
    /// The lead's 督导方案 for this school, to link while drafting (latest ten), and the one linked now.
    var plans: [NewVisit.Plan] = []
    var planID: Int? = nil
    /// An inspector's draft links a plan; the office's has none.
    var linksPlans = false
    /// What this visit still lacks for the 六个一 (drafts, for their author).
    let reminders: [String]
    /// Failed checks not yet recorded as a problem or dismissed (`FindingOffers`), for the author of a draft.
    let pendingFindings: [WorkloadFinding]
    /// The author may edit the draft, section by section.
    let editable: Bool
    /// The author or the office may correct the submitted record.
    let mayAmend: Bool
    /// An inspector may issue a rectification notice for an open problem of a submitted record.
    let issuesNotices: Bool
    let followUp: FollowUp?
    let failure: Failure?

    var errors: [FieldError] { failure?.errors ?? [] }

    /// What was typed into `field` of `section` when that form was refused, else `saved`.
    func typed(_ field: String, in section: String, else saved: String = "") -> String {
        failure?.section == section ? (failure?.values[field] ?? saved) : saved
    }

    /// The message for `field` when the form of `section` failed.
    func error(_ field: String, in section: String) -> String? {
        failure?.section == section ? failure?.errors.message(for: field) : nil
    }
}

extension VisitDetail {
    /// The page of `visit`, which the caller loaded through the account's visit access.
    static func query(_ visit: Visit, scope: Scope, failure: Failure? = nil, on db: any Database) async throws
        -> VisitDetail
    {
        let access = scope.visitAccess
        let loaded = try await VisitRecords.load(visit, on: db)
        let settings = try await DistrictSettings.forDistrict(loaded.school.districtID, on: db)
        let editable = access.canEditDraft(visit)
        // What to follow up is shown while drafting, not again under a section's errors.
        let followUp =
            editable && failure == nil
            ? try await FollowUp.query(schoolID: visit.schoolID, excluding: visit.id, on: db) : nil
        return VisitDetail(
            record: Record(
                loaded, settings: settings, hideInternal: access.hidesInternalNotes,
                checklist: try await VisitChecklist.load(visit, school: loaded.school, on: db)),
            categories: settings.categories, documents: settings.documents(for: loaded.school.type),
            plans: editable ? try await plans(of: visit, on: db) : [], planID: visit.visitPlanID,
            linksPlans: editable && visit.inspectorID != nil,
            reminders: editable ? VisitSections.reminders(loaded, settings: settings.complianceSettings) : [],
            pendingFindings: editable ? VisitSections.pendingFindings(loaded) : [],
            editable: editable, mayAmend: access.canAmend(visit),
            issuesNotices: scope.noticeAccess.mayIssue(for: loaded.school),
            followUp: followUp, failure: failure)
    }
}

extension VisitDetail {
    /// The lead inspector's latest plans for the visit's school (none for a visit the office recorded).
    static func plans(of v: Visit, on db: any Database) async throws -> [NewVisit.Plan] {
        guard let lead = v.inspectorID else { return [] }
        return try await VisitPlan.query(on: db).filter(\.$inspectorID == lead).filter(\.$schoolID == v.schoolID)
            .sort(\.$plannedDate, .descending).limit(10).all()
            .map { NewVisit.Plan(id: $0.id!, plannedDate: $0.plannedDate, focus: $0.focus) }
    }
}

extension VisitDetail.Record {
    /// `checklist` is read by the two pages that show it (the record and its print), not by every load of a visit.
    init(_ l: VisitRecords.Loaded, settings: DistrictSettings, hideInternal: Bool, checklist: VisitChecklist?) {
        let v = l.visit
        var interviewed: [InterviewGroup: Int] = [:]
        for i in l.interviews { interviewed[i.group, default: 0] += i.people }
        self.init(
            id: v.id!, schoolName: l.school.name, date: v.visitDate, start: v.startTime, end: v.endTime, kind: v.kind,
            theme: v.theme,
            summary: v.summary, highlights: v.highlights, isDraft: v.isDraft, submittedAt: v.submittedAt,
            team: ([l.author?.name ?? l.recorder.map { VisitRecords.officeName(displayName: $0.displayName) }]
                + l.members.map(\.name)).compactMap {
                    $0
                },
            plan: l.plan.map {
                Plan(plannedDate: $0.plannedDate, tasks: $0.tasks, methods: $0.methods, focus: $0.focus)
            },
            checks: v.checkRecord, profile: l.school.type.visitProfile, rubric: settings.rubric(for: l.school.type),
            bands: settings.bands,
            observations: l.observations.map {
                Observation(
                    id: $0.id!, kind: $0.kind, className: $0.className, subject: $0.subject, teacher: $0.teacher,
                    topic: $0.topic,
                    scores: $0.scoreMap, comment: $0.comment)
            },
            interviews: l.interviews.filter { !(hideInternal && $0.isInternal) }.map {
                Interview(id: $0.id!, group: $0.group, people: $0.people, notes: $0.notes, isInternal: $0.isInternal)
            },
            interviewed: interviewed,
            problems: l.problems.map {
                Problem(
                    id: $0.id!, schoolID: $0.schoolID, category: $0.category, severity: $0.severity,
                    disposition: $0.disposition,
                    state: $0.state, description: $0.description, noticeID: $0.noticeID)
            },
            photos: l.photos.map {
                Photo(id: $0.id!, caption: $0.caption, subject: $0.subject, takenAt: $0.createdAt, hash: $0.hash)
            },
            checklist: checklist,
            amendments: l.amendments.map {
                Amendment(at: $0.createdAt, userName: $0.userName, reason: $0.reason, changes: $0.fieldChanges)
            })
    }
}
