import DudaoCore
import Fluent
import Foundation
import SQLKit

/// The rest of a province's year beside its visits, for `seed --scale N --with-visits`: rectification notices in
/// every state (one per visit with problems to rectify), complaints in every state, an accountability decision per
/// district, monthly reports, balance returns for two years, a draft bulletin per district, photos on every tenth
/// visit, and a finished 60-item campaign over the first district's schools with a parents' questionnaire.
/// Deterministic: the same rows for the same N and day. Large tables go in with batched SQL; the campaign goes
/// through the same code as the campaign benchmark.
struct ScaleRecords {
    let db: any Database
    let sql: any SQLDatabase
    let schools: Int
    let today: Day
    let now: Date
    let store: any AttachmentStore
    let report: (String) -> Void

    func run() async throws {
        let timer = ContinuousClock()
        func step(_ label: String, _ work: () async throws -> Int) async throws {
            let started = timer.now
            let count = try await work()
            report(String(format: "  %@ %d 条，用时 %.1f 秒", label, count, (timer.now - started).seconds))
        }
        try await step("整改通知书") { try await notices() }
        try await step("问责决定") { try await decisions() }
        try await step("投诉举报") { try await complaints() }
        try await step("督导月报") { try await monthlyReports() }
        try await step("办学条件年报") { try await balanceReturns() }
        try await step("督导简报（草稿）") { try await bulletins() }
        try await step("督导照片") { try await photos() }
        try await step("督导任务对象（60项指标，含家长问卷）") { try await campaign() }
    }

    /// The district of an org path "/1/district/township/".
    static func district(of path: String) -> Int {
        let parts = path.split(separator: "/")
        return parts.count > 1 ? Int(parts[1]) ?? 0 : 0
    }

    var inspectors: Int { max(1, schools / 5) }

    // MARK: - 整改通知书

    struct RectifyRow: Decodable {
        let id: Int
        let visit_id: Int
        let school_id: Int
        let org_path: String
        let inspector_id: Int
        let state: String
        let created_at: Date
    }

    /// One notice per visit that found problems to rectify, read a page of problems at a time. Closed problems have
    /// closed notices; open ones cycle through the states before closing, those past their deadline escalated.
    func notices() async throws -> Int {
        let open: [NoticeState] = [.issued, .acknowledged, .reported, .returned, .draft, .pendingApproval]
        var sequence: [String: Int] = [:]
        var noticeID = 0
        var after = 0
        var notices: [[any Encodable & Sendable]] = []
        var links: [[any Encodable & Sendable]] = []
        func flush() async throws {
            try await ScaleSeed.insert(sql, "rectification_notices", Self.noticeColumns, notices)
            try await ScaleSeed.insert(sql, "notice_problems", ["notice_id", "problem_id"], links)
            notices.removeAll(keepingCapacity: true)
            links.removeAll(keepingCapacity: true)
        }
        while true {
            let rows = try await sql.raw(
                """
                SELECT id, visit_id, school_id, org_path, inspector_id, state, created_at FROM problems
                WHERE disposition = 'rectify' AND visit_id IS NOT NULL AND id > \(bind: after) ORDER BY id LIMIT 5000
                """
            ).all(decoding: RectifyRow.self)
            guard let last = rows.last else { break }
            // A visit's problems have consecutive ids; a visit cut by the page end continues in the next page as
            // its own notice, which a real inspector might also have done.
            var groups: [[RectifyRow]] = []
            for row in rows {
                if let tail = groups.last?.last, tail.visit_id == row.visit_id {
                    groups[groups.count - 1].append(row)
                } else {
                    groups.append([row])
                }
            }
            for group in groups {
                let first = group[0]
                noticeID += 1
                let district = Self.district(of: first.org_path)
                let issuedDay = Day.today(now: first.created_at)
                let key = "\(district)-\(issuedDay.year)"
                sequence[key, default: 0] += 1
                let deadline = issuedDay.adding(days: 15 + first.visit_id % 20)
                let state: NoticeState = first.state == "closed" ? .closed : open[first.visit_id % open.count]
                let overdue = deadline < today && state.isWithSchool
                let escalation: EscalationStep? =
                    overdue ? (first.visit_id % 3 == 0 ? .interview : .reminder) : nil
                let issued =
                    [.draft, .pendingApproval].contains(state) ? nil : first.created_at.addingTimeInterval(3600)
                let closed = state == .closed ? min(first.created_at.addingTimeInterval(25 * 86_400), now) : nil
                notices.append([
                    noticeID, district, first.org_path, first.school_id, first.inspector_id, issuedDay.year,
                    sequence[key]!,
                    NoticeNumber.format(
                        prefix: "第\(ScaleSeed.districtIndex(ofID: district) + 1)区县督改", year: issuedDay.year,
                        sequence: sequence[key]!),
                    "请于期限内完成整改，并报送整改报告和佐证材料。", deadline.description, state.rawValue, first.visit_id % 2 == 0,
                    escalation?.rawValue, issued, closed, first.created_at, closed ?? issued ?? first.created_at,
                ])
                for p in group { links.append([noticeID, p.id]) }
            }
            if notices.count >= ScaleSeed.batch * 4 { try await flush() }
            after = last.id
        }
        try await flush()
        try await ScaleSeed.fixSequences(sql, tables: ["rectification_notices", "notice_problems"])
        // Each problem points at its notice and carries its deadline, as issuing a notice leaves it.
        try await sql.raw(
            """
            UPDATE problems SET notice_id = n.id, deadline = n.deadline
            FROM notice_problems np JOIN rectification_notices n ON n.id = np.notice_id
            WHERE np.problem_id = problems.id
            """
        ).run()
        return noticeID
    }

    static let noticeColumns = [
        "id", "district_id", "org_path", "school_id", "inspector_id", "year", "sequence", "number", "requirements",
        "deadline", "state", "needs_visit", "escalation", "issued_at", "closed_at", "created_at", "updated_at",
    ]

    // MARK: - 问责

    struct Escalated: Decodable {
        let id: Int
        let district_id: Int
        let org_path: String
        let school_id: Int
        let school: String
        let number: String
    }

    /// Each district's office has interviewed (约谈) the school of its first notice escalated to an interview.
    func decisions() async throws -> Int {
        let office = try await User.query(on: db).filter(\.$username == "office").first()?.id ?? 1
        let rows = try await sql.raw(
            """
            SELECT n.id, n.district_id, n.org_path, n.school_id, s.name AS school, n.number
            FROM rectification_notices n JOIN schools s ON s.id = n.school_id WHERE n.id IN (SELECT MIN(id) FROM rectification_notices WHERE escalation = 'interview' GROUP BY district_id)
            """
        ).all(decoding: Escalated.self)
        let values: [[any Encodable & Sendable]] = rows.enumerated().map { k, n in
            [
                n.district_id, n.org_path, "notice", n.id, "unit", n.school, n.school_id, nil as Int?,
                "unitInterview", "整改通知书 \(n.number) 逾期未报送整改报告，经提醒仍未整改。", "督问〔\(today.year)〕\(k + 1)号",
                today.adding(days: -5).description, k % 3 == 0 ? "responded" : "decided",
                k % 3 == 0 ? "已召开专题会议，制定整改方案。" : "",
                "[]", k % 3 == 0 ? now : nil as Date?, "", office, now, now,
            ]
        }
        try await ScaleSeed.insert(
            sql, "accountability_decisions",
            [
                "district_id", "org_path", "source", "source_id", "target", "target_name", "target_school_id",
                "target_inspector_id", "measure", "reason", "document_number", "decided_on", "state", "response",
                "response_files", "responded_at", "outcome_comment", "decided_by", "created_at", "updated_at",
            ], values)
        return rows.count
    }

    // MARK: - 投诉举报

    /// A complaint for every other school over the school year, in every state.
    func complaints() async throws -> Int {
        let categories = ["课业负担", "违规补课", "食堂卫生", "乱收费", "校园安全", "师德师风", "其他"]
        let states: [ComplaintState] = [
            .closed, .closed, .closed, .closed, .replied, .replied, .handling, .verifying, .accepted, .received,
            .rejected,
        ]
        var generator = SeededGenerator(seed: UInt64(schools))
        var codes: Set<String> = []
        var rows: [[any Encodable & Sendable]] = []
        let count = max(1, schools / 2)
        for k in 0..<count {
            let school = (k * 2 + k % 7) % schools + 1
            let (district, township) = ScaleSeed.place(ofSchool: school)
            let covered = school % 100 != 0
            var code = TrackingCode.make(using: &generator)
            while !codes.insert(code).inserted { code = TrackingCode.make(using: &generator) }
            let received = today.adding(days: -((k * 37) % 280) - 1)
            let state = states[k % states.count]
            let handled = [.replied, .closed, .rejected].contains(state)
            let stamp = received.date(hour: 10)
            rows.append([
                district, "/1/\(district)/\(township)/", school, code, k % 3 == 0 ? "phone" : "online",
                categories[k % categories.count], "反映第\(school)号学校的\(categories[k % categories.count])问题，请督导室核实处理。",
                k % 4 == 0 ? "" : "家长", k % 4 == 0 ? "" : String(format: "138%08d", k), k % 4 == 0, "[]",
                state.rawValue,
                covered && state != .received && state != .rejected ? (school - 1) / 5 + 1 : nil as Int?,
                received.description, received.description, handled ? nil : received.adding(days: 15).description,
                handled ? "经核实，已责成学校整改并回复。" : "", handled ? received.adding(days: 12).description : nil as String?,
                !handled && received.adding(days: 15) < today ? "reminder" : nil as String?, "127.0.0.1", stamp,
                min(stamp.addingTimeInterval(12 * 86_400), now),
            ])
        }
        try await ScaleSeed.insert(
            sql, "complaints",
            [
                "district_id", "org_path", "school_id", "tracking_code", "channel", "category", "content",
                "complainant_name", "complainant_phone", "anonymous", "files", "state", "inspector_id", "received_on",
                "stage_started", "deadline", "reply", "replied_on", "escalation", "source_ip", "created_at",
                "updated_at",
            ], rows)
        return count
    }

    // MARK: - 督导月报

    /// Every inspector's report for each past month of the school year: received, the last month submitted (a few
    /// returned, a few not yet sent).
    func monthlyReports() async throws -> Int {
        var months: [YearMonth] = []
        var m = YearMonth(today).previous
        while months.count < 9 {
            if ![7, 8].contains(m.month) { months.append(m) }
            m = m.previous
        }
        var rows: [[any Encodable & Sendable]] = []
        for k in 1...inspectors {
            let district = ScaleSeed.districtID(index: ScaleSeed.districtIndex(ofInspector: k - 1, schools: schools))
            for (n, month) in months.enumerated() {
                let latest = n == 0
                if latest, k % 10 == 0 { continue }  // not sent yet
                var figures = MonthlyReportFigures()
                figures.visits = 4 + k % 2
                figures.schools = figures.visits
                figures.observations = figures.visits - (k % 5 == 0 ? 1 : 0)
                figures.interviews = figures.visits * 2
                figures.problemsFound = 5 + k % 3
                figures.noticesClosed = latest ? 0 : 2
                let state = latest ? (k % 10 == 5 ? "returned" : "submitted") : "received"
                let sent = month.next.firstDay.adding(days: 2 + k % 4)
                rows.append([
                    k, district, "/1/\(district)/", month.description, state, try JSONColumn.encode(figures),
                    "本月按计划完成督导。", state == "returned" ? "请补充问题整改跟进情况。" : "", sent.description,
                    latest ? "" : "督导室", sent.date(hour: 9), sent.date(hour: 9),
                ])
            }
            if rows.count >= ScaleSeed.batch * 4 {
                try await insertReports(rows)
                rows.removeAll(keepingCapacity: true)
            }
        }
        try await insertReports(rows)
        return try await MonthlyReport.query(on: db).count()
    }

    func insertReports(_ rows: [[any Encodable & Sendable]]) async throws {
        try await ScaleSeed.insert(
            sql, "monthly_reports",
            [
                "inspector_id", "district_id", "org_path", "month", "state", "figures", "remarks", "office_comment",
                "submitted_on", "handled_by", "created_at", "updated_at",
            ], rows)
    }

    // MARK: - 均衡发展

    /// Last year's returns locked and this year's reported, for every school that files one, district by district.
    func balanceReturns() async throws -> Int {
        var count = 0
        for district in try await OrgUnit.query(on: db).filter(\.$level == .district).sort(\.$id).all() {
            let schools = try await School.query(on: db).filter(\.$districtID == district.id!).sort(\.$id).all()
            var returns: [BalanceReturn] = []
            for year in [today.year - 1, today.year] {
                for (i, school) in schools.enumerated() where BalanceFigures.files(school.type) {
                    let r = BalanceReturn()
                    r.$school.id = school.id!
                    r.districtID = district.id!
                    r.orgPath = school.orgPath
                    r.year = year
                    r.figures = DemoBalance.figures(school, index: i, year: year)
                    r.state = year < today.year ? .locked : i % 9 == 0 ? .draft : i % 4 == 1 ? .locked : .submitted
                    r.updatedBy = school.principal
                    r.lockedBy = r.state == .locked ? "督导室" : ""
                    returns.append(r)
                }
            }
            try await returns.create(on: db)
            count += returns.count
        }
        return count
    }

    // MARK: - 督导简报

    /// Last month's bulletin drafted for every district (counted from its records, as the office's button does).
    func bulletins() async throws -> Int {
        let districts = try await OrgUnit.query(on: db).filter(\.$level == .district).sort(\.$id).all()
        for district in districts {
            _ = try await BulletinsController.draft(
                district: district, month: YearMonth(today).previous, today: today, by: "督导室", on: db)
        }
        return districts.count
    }

    // MARK: - 照片

    /// A photo on every tenth visit, from the demo's small images (the store keeps each image once).
    func photos() async throws -> Int {
        var hashes: [String] = []
        for encoded in DemoHistory.photos {
            guard let data = Data(base64Encoded: encoded) else { continue }
            hashes.append(try await store.put(data))
        }
        guard !hashes.isEmpty else { return 0 }
        let visits = try await Visit.query(on: db).count()
        var rows: [[any Encodable & Sendable]] = []
        var count = 0
        for visit in stride(from: 10, through: visits, by: 10) {
            count += 1
            rows.append([visit, hashes[visit % hashes.count], "image/png", ["课堂听课", "查阅作业批改", "校园巡查"][visit % 3], now])
            if rows.count == ScaleSeed.batch {
                try await insertPhotos(rows)
                rows.removeAll(keepingCapacity: true)
            }
        }
        try await insertPhotos(rows)
        return count
    }

    func insertPhotos(_ rows: [[any Encodable & Sendable]]) async throws {
        try await ScaleSeed.insert(
            sql, "visit_photos", ["visit_id", "hash", "content_type", "caption", "created_at"], rows)
    }

    // MARK: - 督导任务

    /// The first district's office runs a special campaign on a 60-item system over its schools: every target
    /// rated by the team, scored together (rank items placed across all), finished and published; parents
    /// answered a questionnaire for each school.
    func campaign() async throws -> Int {
        guard let county = try await User.query(on: db).filter(\.$username == "county").first() else { return 0 }
        let bench = CampaignBench(db: db, now: now, today: today)
        let office = Principal(county)
        let version = try await bench.system(items: 60, office: office)
        let campaign = try await bench.campaign(version: version, office: office)
        let system = try version.system()
        try await bench.rate(campaign, system: system)
        try await bench.scoreAll(campaign, system: system)
        let year = today.year
        try await sql.raw(
            """
            UPDATE campaign_targets SET phase = NULL, opinion = '总体较好，请对照失分项目限期整改。',
            opinion_number = \(bind: "第1区县督意〔\(year)〕") || id || '号', updated_at = \(bind: now)
            WHERE campaign_id = \(bind: campaign.id!)
            """
        ).run()
        campaign.publishedOn = today.description
        try await campaign.save(on: db)
        let targets = try await CampaignTarget.query(on: db).filter(\.$campaignID == campaign.id!).sort(\.$id)
            .all(\.$id)
        try await questionnaire(campaign: campaign, targets: targets.compactMap { $0 })
        return targets.count
    }

    func questionnaire(campaign: Campaign, targets: [Int]) async throws {
        let q = QuestionnaireRecord()
        q.campaignID = campaign.id!
        q.title = "家长满意度问卷"
        q.audience = .parents
        q.questionsJSON = String(
            decoding: try JSONEncoder().encode(
                QuestionnaireText.parse("单选｜您对学校的办学是否满意？｜满意/比较满意/不太满意/不满意\n填空｜您对学校的建议").questions),
            as: UTF8.self)
        q.closesOn = today.adding(days: -1).description
        q.linkSecret = "scale-questionnaire"
        q.createdAt = now
        try await q.create(on: db)
        let choices = ["满意", "比较满意", "满意", "不太满意", "满意", "比较满意", "不满意", "满意"]
        var rows: [[any Encodable & Sendable]] = []
        for (n, target) in targets.enumerated() {
            for k in 0..<30 {
                let answers = try JSONColumn.encode(["Q1": [choices[(k + n) % choices.count]]])
                rows.append([q.id!, target, QuestionnairesController.hash("scale-\(target)-\(k)"), answers, now])
            }
            if rows.count >= ScaleSeed.batch {
                try await insertAnswers(rows)
                rows.removeAll(keepingCapacity: true)
            }
        }
        try await insertAnswers(rows)
    }

    func insertAnswers(_ rows: [[any Encodable & Sendable]]) async throws {
        try await ScaleSeed.insert(
            sql, "questionnaire_answers", ["questionnaire_id", "target_id", "device_hash", "answers", "created_at"],
            rows)
    }
}
