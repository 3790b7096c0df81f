import DudaoCore
import Fluent
import Foundation
import Vapor

@testable import App

/// Who asks, in the route × role matrix.
enum Who: String, CaseIterable, Sendable {
    case anonymous, admin, office, leader, inspector, school

    var role: Role? {
        switch self {
        case .anonymous: nil
        case .admin: .admin
        case .office: .office
        case .leader: .leader
        case .inspector: .inspector
        case .school: .school
        }
    }
}

/// One of each kind of record around one school and its inspector: what a route's `:id` stands for.
struct RecordSet: Sendable {
    var school: Int
    var inspector: Int
    var visit: Int
    var photo: Int
    var draft: Int
    /// A draft the office recorded itself (no lead inspector).
    var officeDraft: Int
    /// Drafts of the inspector and of the office that the matrix may delete.
    var spareDraft: Int
    var officeSpareDraft: Int
    var problem: Int
    var referral: Int
    var notice: Int
    var noticeFile: String
    var complaint: Int
    var complaintFile: String
    var visitPlan: Int
    var areaPlan: Int
    var report: Int
    var area: Int
    var user: Int
    var token: Int
    var decision: Int
    var decisionFile: String
    /// An indicator system of the set's district, with a draft to edit.
    var system: Int
    /// A campaign over the set's school, its target, and the set's inspector (when they have an account) as lead.
    var campaign: Int
    var campaignTarget: Int
    var campaignEvidenceFile: String
    /// A 督导简报 of the set's district, published and public.
    var bulletin: Int
    /// A round of 质量监测 of the set's district (the near set shares the inside one's).
    var monitoringRound: Int
    /// A document of the round's first step.
    var monitoringFile: String
}

/// The records of the matrix: those inside each account's scope and, for each account, a set outside it.
/// Inside: school 1 of the demo district and its responsible inspector 王建华. Near: another school and
/// inspector of the same district (outside the inspector's and the school's scope). Far: a school of a
/// district in another city (outside everyone's scope, the city-level admin's too).
struct MatrixFixtures: Sendable {
    let inside: RecordSet
    let near: RecordSet
    let far: RecordSet
    /// Records the writers may change freely without disturbing the rest of the matrix.
    let victimSchool: Int
    let victimInspector: Int
    let victimArea: Int
    let victimUser: Int
    /// Each account's own API token id (for the revoke route) and bearer token (for the API).
    let tokenIDs: [Who: Int]
    let bearer: [Who: String]
    let photoHash: String
    /// The answer link of a questionnaire on the inside set's campaign target (public, with its key).
    var questionnaireLink: String = ""

    /// The records a route's parameters stand for, for one account and one side of its scope.
    func records(for who: Who, outside: Bool) -> RecordSet {
        guard outside else { return inside }
        switch who {
        case .inspector, .school: return near
        case .anonymous, .admin, .office, .leader: return far
        }
    }

    static func build(_ app: Application) async throws -> MatrixFixtures {
        let db = app.db
        let district = try await app.demoDistrict()
        let school1 = try await app.school(1)
        let wang = try await app.inspector(named: "王建华")
        let assigned = Set(try await Assignment.currentSchoolIDs(inspectorID: wang.id!, on: db))
        guard assigned.contains(1) else { throw TestSetupError("school 1 is not 王建华's") }
        let others = try await School.query(on: db).filter(\.$districtID == district.id!).filter(\.$status == .open)
            .sort(\.$id).all().filter { !assigned.contains($0.id!) }
        guard others.count >= 2 else { throw TestSetupError("need two schools not assigned to 王建华") }
        let otherInspectors = try await Inspector.query(on: db).filter(\.$districtID == district.id!)
            .filter(\.$id != wang.id!).sort(\.$id).all()
        guard otherInspectors.count >= 2 else { throw TestSetupError("need two more inspectors") }

        let store = app.attachments
        let photoHash = try await store.put(tinyPNG)
        wang.photo = photoHash
        try await wang.save(on: db)

        let officeUser = try await app.user("office")
        let inside = try await makeSet(
            school: school1, inspector: wang, district: district, officeUserID: officeUser.id!, tag: "内", app: app)
        let near = try await makeSet(
            school: others[0], inspector: otherInspectors[0], district: district, officeUserID: officeUser.id!,
            tag: "近", app: app)

        // A district of another city: outside every account of the demo.
        let city = OrgUnit(name: "远山市", level: .city, parent: nil)
        try await city.create(on: db, parentPath: "/")
        let farDistrict = OrgUnit(name: "远山区", level: .district, parent: city)
        try await farDistrict.create(on: db, parentPath: city.path)
        let farTownship = OrgUnit(name: "远山镇", level: .township, parent: farDistrict)
        try await farTownship.create(on: db, parentPath: farDistrict.path)
        let farSchool = try await Factory.makeSchool(code: "3399000001", name: "远山镇中心小学", township: farTownship, on: db)
        let farInspector = try await makeInspector("远山督学", district: farDistrict, on: db)
        try await Assignment(
            inspectorID: farInspector.id!, schoolID: farSchool.id!, start: Day(year: 2026, month: 9, day: 1)!
        )
        .save(on: db)
        let far = try await makeSet(
            school: farSchool, inspector: farInspector, district: farDistrict, officeUserID: officeUser.id!, tag: "远",
            app: app)

        let victimInspector = otherInspectors[1]
        let victimArea = try await makeArea("备用责任区", district: district, on: db)
        let victimUser = User(
            username: "victim", passwordHash: try Bcrypt.hash(DemoSeed.password, cost: 4), displayName: "备用账号",
            role: .office, org: district, mustChangePassword: false)
        try await victimUser.save(on: db)

        var tokenIDs: [Who: Int] = [:]
        var bearer: [Who: String] = [:]
        for who in Who.allCases where who != .anonymous {
            bearer[who] = try await apiToken(app, who.rawValue)
            // A second token of the account, for the revoke route (the first keeps the API checks going).
            let spare = ApiToken()
            spare.userID = try await app.user(who.rawValue).id!
            spare.tokenHash = Sessions.hash("spare-\(who.rawValue)")
            spare.expiresAt = TestClock.now.addingTimeInterval(86_400)
            try await spare.save(on: db)
            tokenIDs[who] = spare.id!
        }
        let questionnaire = QuestionnaireRecord()
        questionnaire.campaignID = inside.campaign
        questionnaire.title = "家长满意度问卷"
        questionnaire.audience = .parents
        questionnaire.questionsJSON = #"[{"code":"Q1","kind":"single","text":"满意度","options":["满意","不满意"]}]"#
        questionnaire.closesOn = "2026-12-31"
        questionnaire.linkSecret = "matrix"
        questionnaire.createdAt = TestClock.now
        try await questionnaire.create(on: db)
        var fixtures = MatrixFixtures(
            inside: inside, near: near, far: far, victimSchool: others[1].id!, victimInspector: victimInspector.id!,
            victimArea: victimArea.id!, victimUser: victimUser.id!, tokenIDs: tokenIDs, bearer: bearer,
            photoHash: photoHash)
        fixtures.questionnaireLink = SiteURL.questionnaireAnswer(questionnaire.id!, inside.campaignTarget).with([
            ("k", questionnaire.key(target: inside.campaignTarget))
        ])
        return fixtures
    }

    /// Every kind of record for `school` and `inspector`, built straight through the models.
    static func makeSet(
        school: School, inspector: Inspector, district: OrgUnit, officeUserID: Int, tag: String, app: Application
    ) async throws -> RecordSet {
        let db = app.db
        let today = TestClock.today
        let visit = makeVisit(school: school, inspector: inspector, status: .submitted, day: today.adding(days: -3))
        try await visit.save(on: db)
        let photo = VisitPhoto()
        photo.visitID = visit.id!
        photo.hash = try await app.attachments.put(tinyPNG)
        photo.contentType = "image/png"
        photo.caption = "\(tag)照片"
        try await photo.save(on: db)
        let draft = makeVisit(school: school, inspector: inspector, status: .draft, day: today)
        try await draft.save(on: db)
        let officeDraft = makeVisit(school: school, inspector: inspector, status: .draft, day: today)
        officeDraft.inspectorID = nil
        officeDraft.recordedBy = officeUserID
        try await officeDraft.save(on: db)
        let spareDraft = makeVisit(school: school, inspector: inspector, status: .draft, day: today)
        try await spareDraft.save(on: db)
        let officeSpareDraft = makeVisit(school: school, inspector: inspector, status: .draft, day: today)
        officeSpareDraft.inspectorID = nil
        officeSpareDraft.recordedBy = officeUserID
        try await officeSpareDraft.save(on: db)
        let problem = makeProblem(visit: visit, disposition: .rectify, text: "\(tag)：消防通道堆放杂物。")
        try await problem.save(on: db)
        let referral = makeProblem(visit: visit, disposition: .refer, text: "\(tag)：校舍维修需计财科协调。")
        try await referral.save(on: db)

        let notice = RectificationNotice()
        notice.districtID = district.id!
        notice.orgPath = school.orgPath
        notice.schoolID = school.id!
        notice.inspectorID = inspector.id!
        notice.year = today.year
        notice.sequence = 900 + (try await RectificationNotice.query(on: db).count())
        notice.number = "\(tag)督改〔\(today.year)〕\(notice.sequence)号"
        notice.requirements = "立即清理。"
        notice.deadline = today.adding(days: 20).description
        notice.state = .issued
        notice.needsVisit = false
        notice.issuedAt = TestClock.now
        try await notice.save(on: db)
        let evidence = StoredFile(
            hash: try await app.attachments.put(Data("%PDF-1.4 \(tag)".utf8)), name: "\(tag)报告.pdf",
            type: "application/pdf", size: 12)
        let report = RectificationReport()
        report.noticeID = notice.id!
        report.body = "已整改。"
        report.files = try JSONColumn.encode([evidence])
        report.submittedBy = officeUserID
        report.outcome = "returned"
        report.reviewComment = "请补充照片"
        try await report.save(on: db)

        let attachment = StoredFile(
            hash: try await app.attachments.put(Data("%PDF-1.4 投诉\(tag)".utf8)), name: "\(tag)举报.pdf",
            type: "application/pdf", size: 14)
        let complaint = Complaint()
        complaint.districtID = district.id!
        complaint.orgPath = school.orgPath
        complaint.schoolID = school.id
        complaint.trackingCode =
            "TS-MX\(tag.unicodeScalars.first!.value % 100)-\(1000 + (try await Complaint.query(on: db).count()))"
        complaint.channel = "online"
        complaint.category = "违规补课"
        complaint.content = "\(tag)：周六组织补课并收费。"
        complaint.complainantName = "\(tag)家长"
        complaint.complainantPhone = "13900000000"
        complaint.anonymous = false
        complaint.files = try JSONColumn.encode([attachment])
        complaint.state = .accepted
        complaint.inspectorID = inspector.id
        complaint.receivedOn = today.description
        complaint.stageStarted = today.description
        complaint.deadline = today.adding(days: 10).description
        complaint.reply = ""
        complaint.sourceIP = "test"
        try await complaint.save(on: db)

        let plan = VisitPlan()
        plan.inspectorID = inspector.id!
        plan.schoolID = school.id!
        plan.orgPath = school.orgPath
        plan.plannedDate = today.description
        plan.tasks = "\(tag)督导任务"
        plan.methods = "听课"
        plan.focus = "五项管理"
        try await plan.save(on: db)

        let areaPlan = AreaPlan()
        areaPlan.inspectorID = inspector.id!
        areaPlan.orgPath = inspector.orgPath
        areaPlan.semester = "2099-autumn"
        areaPlan.goals = "\(tag)目标"
        areaPlan.focus = "重点"
        areaPlan.schedule = "安排"
        areaPlan.status = .submitted
        areaPlan.officeComment = ""
        try await areaPlan.save(on: db)

        let work = WorkReport()
        work.inspectorID = inspector.id!
        work.orgPath = inspector.orgPath
        work.semester = "2099-autumn"
        work.kind = .caseStudy
        work.title = "\(tag)案例"
        work.body = "正文"
        work.selected = false
        try await work.save(on: db)

        let area = try await makeArea("\(tag)责任区", district: district, on: db)
        let user = User(
            username: "matrix-\(tag.unicodeScalars.first!.value)",
            passwordHash: try Bcrypt.hash(DemoSeed.password, cost: 4),
            displayName: "\(tag)账号", role: .leader, org: district, mustChangePassword: false)
        try await user.save(on: db)
        let token = ApiToken()
        token.userID = user.id!
        token.tokenHash = Sessions.hash("matrix-token-\(tag)")
        token.expiresAt = TestClock.now.addingTimeInterval(86_400)
        try await token.save(on: db)

        // A 问责决定 against the school on the notice, answered with one file.
        let answer = StoredFile(
            hash: try await app.attachments.put(Data("%PDF-1.4 申辩\(tag)".utf8)), name: "\(tag)申辩.pdf",
            type: "application/pdf", size: 14)
        let decision = AccountabilityDecision()
        decision.districtID = district.id!
        decision.orgPath = school.orgPath
        decision.source = "notice"
        decision.sourceID = notice.id
        decision.target = .unit
        decision.targetName = school.name
        decision.targetSchoolID = school.id
        decision.measure = .unitInterview
        decision.reason = "\(tag)：整改通知书逾期未报送整改报告。"
        decision.documentNumber = "\(tag)督问〔\(today.year)〕1号"
        decision.decidedOn = today.adding(days: -2).description
        decision.state = .responded
        decision.response = "已整改完毕。"
        decision.responseFiles = try JSONColumn.encode([answer])
        decision.outcomeComment = ""
        decision.decidedBy = officeUserID
        try await decision.save(on: db)

        let sample = IndicatorSystem(
            name: "\(tag)指标体系", kind: .school, nodes: [IndicatorNode(code: "1", title: "安全", form: .yesNo(points: 100))]
        )
        let system = IndicatorTemplate(districtID: district.id!, system: sample, at: TestClock.now)
        try await system.create(on: db)
        let published = try IndicatorVersion(
            templateID: system.id!, number: 1, system: sample, createdBy: nil, at: TestClock.now)
        published.state = .published
        try await published.create(on: db)
        try await IndicatorVersion(templateID: system.id!, number: 2, system: sample, createdBy: nil, at: TestClock.now)
            .create(on: db)
        // This month's theme names the system, so the drafts offer its checklist (主题检查表).
        let month =
            try await ThemeMonth.month(districtID: district.id!, of: today, on: db)
            ?? ThemeMonth(
                districtID: district.id!, year: today.year, MonthTheme(month: today.month, theme: "校园安全", focus: ""))
        month.templateID = system.id!
        try await month.save(on: db)
        let lead = try await User.query(on: db).filter(\.$inspectorID == inspector.id!).first()?.id ?? officeUserID
        let campaign = Campaign()
        campaign.districtID = district.id!
        campaign.kind = .comprehensive
        campaign.title = "\(tag)综合督导"
        campaign.versionID = published.id!
        campaign.phaseList = CampaignKind.comprehensive.defaultPhases.map(\.rawValue).joined(separator: ",")
        campaign.startsOn = "2026-11-01"
        campaign.endsOn = "2026-12-31"
        campaign.announced = true
        campaign.createdBy = officeUserID
        campaign.createdAt = TestClock.now
        // Its results are published, to the public too, so the published pages answer.
        campaign.publishedOn = "2026-11-20"
        campaign.publishedPublic = true
        try await campaign.create(on: db)
        let target = CampaignTarget()
        target.campaignID = campaign.id!
        target.schoolID = school.id
        target.name = school.name
        target.orgPath = school.orgPath
        target.schoolType = school.type.rawValue
        target.phase = .notice
        target.leadUserID = lead
        target.vetoed = false
        (target.preliminary, target.appeal, target.appealAnswer, target.opinion) = ("", "", "", "")
        target.updatedAt = TestClock.now
        try await target.create(on: db)
        try await CampaignMember(targetID: target.id!, userID: lead).create(on: db)
        let campaignEvidence = CampaignEvidence()
        campaignEvidence.targetID = target.id!
        campaignEvidence.itemCode = sample.leaves.first?.code ?? "1"
        (campaignEvidence.hash, campaignEvidence.name, campaignEvidence.type, campaignEvidence.size) = (
            evidence.hash, evidence.name, evidence.type, evidence.size
        )
        campaignEvidence.uploadedBy = lead
        campaignEvidence.uploadedAt = TestClock.now
        try await campaignEvidence.create(on: db)
        let bulletin = Bulletin()
        bulletin.districtID = district.id!
        bulletin.orgPath = district.path
        bulletin.period = "2026-10"
        bulletin.title = "\(tag)督导简报"
        bulletin.sectionsJSON = try JSONColumn.encode([BulletinSection(key: "office", heading: "一、情况", text: "正文")])
        bulletin.state = .published
        bulletin.publishedOn = "2026-11-03"
        bulletin.publishedPublic = true
        bulletin.createdBy = "督导室"
        try await bulletin.create(on: db)
        let round =
            try await MonitoringRound.query(on: db).filter(\.$districtID == district.id!).first()
            ?? MonitoringRound()
        if round.id == nil {
            (round.districtID, round.orgPath, round.year, round.subjects) = (district.id!, district.path, 2026, "数学")
            (round.testDay, round.findings, round.createdBy) = ("2026-10-15", "", "督导室")
            try await round.create(on: db)
        }
        let document = StoredFile(
            hash: try await app.attachments.put(Data("%PDF-1.4 监测\(tag)".utf8)), name: "\(tag)名单.pdf",
            type: "application/pdf", size: 16)
        let step = MonitoringStep()
        (step.roundID, step.position, step.title, step.due, step.owner) = (
            round.id!, 99, "\(tag)材料", "2026-10-01", "督导室"
        )
        (step.note, step.files) = ("", try JSONColumn.encode([document]))
        try await step.create(on: db)
        return RecordSet(
            school: school.id!, inspector: inspector.id!, visit: visit.id!, photo: photo.id!, draft: draft.id!,
            officeDraft: officeDraft.id!, spareDraft: spareDraft.id!, officeSpareDraft: officeSpareDraft.id!,
            problem: problem.id!, referral: referral.id!, notice: notice.id!, noticeFile: evidence.hash,
            complaint: complaint.id!, complaintFile: attachment.hash, visitPlan: plan.id!, areaPlan: areaPlan.id!,
            report: work.id!, area: area.id!, user: user.id!, token: token.id!, decision: decision.id!,
            decisionFile: answer.hash, system: system.id!, campaign: campaign.id!, campaignTarget: target.id!,
            campaignEvidenceFile: campaignEvidence.hash, bulletin: bulletin.id!,
            monitoringRound: round.id!, monitoringFile: document.hash)
    }

    static func makeVisit(school: School, inspector: Inspector, status: VisitStatus, day: Day) -> Visit {
        let v = Visit()
        v.schoolID = school.id!
        v.orgPath = school.orgPath
        v.inspectorID = inspector.id!
        v.visitDate = day.description
        v.startTime = "08:30"
        v.endTime = "11:30"
        v.kind = .routine
        v.theme = "课后服务"
        v.summary = status == .submitted ? "听课一节，查阅作业。" : ""
        v.highlights = ""
        v.checks = "{}"
        v.status = status
        v.submittedAt = status == .submitted ? TestClock.now : nil
        return v
    }

    static func makeProblem(visit: Visit, disposition: ProblemDisposition, text: String) -> Problem {
        let p = Problem()
        p.visitID = visit.id
        p.schoolID = visit.schoolID
        p.orgPath = visit.orgPath
        p.inspectorID = visit.inspectorID!
        p.category = "安全"
        p.severity = .serious
        p.disposition = disposition
        p.description = text
        p.state = .open
        p.draft = visit.status == .draft
        p.referralDepartment = ""
        p.referralReply = ""
        return p
    }

    static func makeInspector(_ name: String, district: OrgUnit, on db: any Database) async throws -> Inspector {
        let i = Inspector()
        i.districtID = district.id!
        i.orgPath = district.path
        i.name = name
        i.kind = .partTime
        i.gender = .male
        i.phone = "13800000000"
        i.employer = "远山中学"
        i.post = "教师"
        i.duties = ""
        i.status = .active
        try await i.save(on: db)
        return i
    }

    static func makeArea(_ name: String, district: OrgUnit, on db: any Database) async throws -> ResponsibilityArea {
        let a = ResponsibilityArea()
        a.districtID = district.id!
        a.orgPath = district.path
        a.name = name
        a.note = ""
        a.active = true
        try await a.save(on: db)
        return a
    }
}
