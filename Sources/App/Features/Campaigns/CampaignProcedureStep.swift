import DudaoCore
import Fluent
import Foundation
import SQLKit

/// One procedure step on a campaign target: the rule (CampaignProcedure) decides whether it may be taken; the step
/// writes what it records (the team's score, the preliminary opinion, the 申辩 and its answer, the 督导意见书 with
/// its problems entering the rectification loop) and moves the target on, audited, in one transaction.
enum CampaignProcedureStep {
    static let maxText = 5_000
    /// The team's rating and the target's 自评 are stored once per target under this user id.
    static let teamUserID = 0
    static let targetUserID = 0

    static func take(
        _ action: CampaignAction, target: CampaignTarget, campaign: Campaign, actor: CampaignActor, text: String,
        problems: [String], by principal: Principal, at now: Date, on db: any Database
    ) async throws {
        let next: CampaignPhase?
        switch CampaignProcedure.apply(action, current: target.phase, phases: campaign.phases, actor: actor) {
        case .failure(let refusal): throw CampaignWork.Refused(message: refusal.description)
        case .success(let phase): next = phase
        }
        let text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.count > maxText { throw CampaignWork.Refused(message: "内容不能超过 \(maxText) 字") }
        try await db.writeTransaction { db in
            // Re-read under the write lock: a second tap finds the step already taken.
            guard let current = try await CampaignTarget.find(target.id, on: db), current.phase == target.phase else {
                throw CampaignWork.Refused(message: "该步骤已由他人完成，请刷新页面")
            }
            try await record(
                action, target: current, campaign: campaign, text: text, problems: problems, at: now, on: db)
            current.phase = next
            current.updatedAt = now
            try await current.save(on: db)
            try await Audit.record(
                on: db, actor: principal, action: "update", entity: "campaign_target", id: current.id!,
                orgPath: current.orgPath, summary: "\(current.name)：\(action.label)")
        }
    }

    static func record(
        _ action: CampaignAction, target: CampaignTarget, campaign: Campaign, text: String, problems: [String],
        at now: Date, on db: any Database
    ) async throws {
        func required(_ what: String) throws {
            if text.isEmpty { throw CampaignWork.Refused(message: "请填写\(what)") }
        }
        switch action {
        case .submitSelfAssessment:
            guard
                let own = try await CampaignRating.query(on: db).filter(\.$targetID == target.id!)
                    .filter(\.$tier == .selfAssessment).first()
            else { throw CampaignWork.Refused(message: "请先填写自评，再提交") }
            own.submitted = true
            own.updatedAt = now
            try await own.save(on: db)
            try await scoreSelf(target, campaign: campaign, at: now, on: db)
        case .fixTeamScore:
            try await score(target, campaign: campaign, at: now, on: db)
        case .issuePreliminary:
            try required("初步意见")
            target.preliminary = text
            // The 申辩 window opens with the delivery, as long as the district's rules say.
            let settings = try await DistrictSettings.forDistrict(campaign.districtID, on: db)
            target.appealDue =
                settings.campaignRules.appealDue(
                    deliveredOn: Day.today(now: now), calendar: settings.workingCalendar
                ).description
        case .submitAppeal:
            if let late = CampaignRules.lateAppeal(due: Day(parsing: target.appealDue), today: Day.today(now: now)) {
                throw CampaignWork.Refused(message: late)
            }
            try required("申辩理由")
            target.appeal = text
        case .closeAppeal:
            if !target.appeal.isEmpty { try required("对申辩的答复") }
            target.appealAnswer = text.isEmpty ? "未提出申辩" : text
        case .issueOpinion:
            try required("督导意见")
            target.opinion = text
            target.opinionNumber = try await opinionNumber(campaign: campaign, at: now, on: db)
            try await fileProblems(problems, target: target, on: db)
        case .sendNotice, .closeRectification, .fileReport:
            break
        }
    }

    /// The team's score from the team's rating, on the campaign's version. With rank items the whole campaign is
    /// scored again together, since one target's value moves the others' places.
    static func score(_ target: CampaignTarget, campaign: Campaign, at now: Date, on db: any Database) async throws {
        guard
            let team = try await CampaignRating.query(on: db).filter(\.$targetID == target.id!)
                .filter(\.$tier == .team).first()
        else { throw CampaignWork.Refused(message: "请先确定督导组评分（组长在「督导组评分」中保存）") }
        guard let version = try await IndicatorVersion.find(campaign.versionID, on: db) else { return }
        let system = try version.system()
        let own = ScoringEngine.score(system, answers: team.answers, schoolType: target.schoolType)
        if !own.isComplete { throw incomplete(RatingTier.team.label, own.unanswered) }
        if !system.hasRankItems {
            apply(own, to: target)
            return
        }
        let (scores, byID) = try await groupScores(campaign: campaign, system: system, on: db)
        if let own = scores[target.id!] { apply(own, to: target) }  // saved by the step
        // Only targets whose team score is already fixed move with the new places.
        let moved = scores.filter { $0.key != target.id && byID[$0.key]?.total != nil }
        try await writeScores(moved, at: now, on: db)
    }

    /// Every target's rating of `tier` (the team's, or the handed-in 自评) scored together (rank items place each
    /// among the others), and the targets by id. `replacing` puts other answers in place of one target's team rating (the city's re-check).
    static func groupScores(
        campaign: Campaign, system: IndicatorSystem, tier: RatingTier = .team,
        replacing: (id: Int, answers: ScoringEngine.Answers)? = nil, on db: any Database
    ) async throws -> ([Int: TargetScore], [Int: CampaignTarget]) {
        var query = CampaignRating.query(on: db).join(
            CampaignTarget.self, on: \CampaignRating.$targetID == \CampaignTarget.$id
        ).filter(CampaignTarget.self, \.$campaignID == campaign.id!).filter(\.$tier == tier)
        // A 自评 counts once handed in; the team's rating whenever the lead saved it.
        if tier == .selfAssessment { query = query.filter(\.$submitted == true) }
        let ratings = try await query.all()
        let others = try await CampaignTarget.query(on: db).filter(\.$campaignID == campaign.id!).all()
        let byID = Dictionary(uniqueKeysWithValues: others.map { ($0.id!, $0) })
        let scores = ScoringEngine.scoreGroup(
            system,
            targets: ratings.map {
                let answers = $0.targetID == replacing?.id ? replacing?.answers ?? $0.answers : $0.answers
                return (id: $0.targetID, schoolType: byID[$0.targetID]?.schoolType, answers: answers)
            })
        return (scores, byID)
    }

    /// The city's re-check score of a target: its answers on the campaign's version, complete; rank items place it
    /// among the county's scores of the other targets.
    static func recheckScore(
        _ target: CampaignTarget, campaign: Campaign, answers: ScoringEngine.Answers, on db: any Database
    ) async throws -> TargetScore {
        guard let version = try await IndicatorVersion.find(campaign.versionID, on: db) else {
            throw CampaignWork.Refused(message: "督导任务的指标体系不存在")
        }
        let system = try version.system()
        let own = ScoringEngine.score(system, answers: answers, schoolType: target.schoolType)
        if !own.isComplete { throw incomplete(RatingTier.recheck.label, own.unanswered) }
        guard system.hasRankItems else { return own }
        let (scores, _) = try await groupScores(
            campaign: campaign, system: system, replacing: (target.id!, answers), on: db)
        return scores[target.id!] ?? own
    }

    static func incomplete(_ what: String, _ unanswered: [String]) -> CampaignWork.Refused {
        CampaignWork.Refused(
            message: "\(what)还有 \(unanswered.count) 项未填写（\(unanswered.prefix(5).joined(separator: "、"))"
                + (unanswered.count > 5 ? "等" : "") + "），不适用的项目请勾选「不适用」")
    }

    /// Writes many targets' results in a few statements (one `UPDATE … CASE` per 200 targets), not one per target:
    /// a rank item moves every fixed target of the campaign at once. Each moved target counts as updated `now`.
    static func writeScores(
        _ scores: [Int: TargetScore], tier: RatingTier = .team, at now: Date, on db: any Database
    ) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        for chunk in scores.sorted(by: { $0.key < $1.key }).chunked(200) {
            // Column → one `WHEN id THEN value` per target: the team's result, or the 自评's.
            var cases: [(String, [any SQLExpression])] =
                tier == .selfAssessment
                ? [("self_total", []), ("self_node_scores", [])]
                : [("total", []), ("grade", []), ("vetoed", []), ("node_scores", [])]
            for (id, score) in chunk {
                let probe = CampaignTarget()
                apply(score, to: probe)
                let values: [any Encodable & Sendable] =
                    tier == .selfAssessment
                    ? [score.total, probe.nodeScoresJSON]
                    : [score.total, score.grade, probe.vetoed, probe.nodeScoresJSON]
                for (i, value) in values.enumerated() {
                    cases[i].1.append(SQLQueryString("WHEN \(bind: id) THEN \(bind: value)"))
                }
            }
            let sets = cases.map { column, whens in
                SQLQueryString("\(ident: column) = CASE id \(SQLList(whens, separator: SQLRaw(" "))) END")
            }
            try await sql.raw(
                """
                UPDATE campaign_targets SET \(SQLList(sets)), updated_at = \(bind: now) \
                WHERE id IN (\(binds: chunk.map(\.key)))
                """
            ).run()
        }
    }

    /// The handed-in 自评's score kept on the target: alone, or with rank items among every handed-in 自评 of the
    /// campaign, whose targets already scored move with the new places (as the team's scores do).
    static func scoreSelf(_ target: CampaignTarget, campaign: Campaign, at now: Date, on db: any Database)
        async throws
    {
        guard let version = try await IndicatorVersion.find(campaign.versionID, on: db) else { return }
        let system = try version.system()
        guard system.hasRankItems else {
            guard
                let own = try await CampaignRating.query(on: db).filter(\.$targetID == target.id!)
                    .filter(\.$tier == .selfAssessment).first()
            else { return }
            applySelf(ScoringEngine.score(system, answers: own.answers, schoolType: target.schoolType), to: target)
            return
        }
        let (scores, byID) = try await groupScores(
            campaign: campaign, system: system, tier: .selfAssessment, on: db)
        if let own = scores[target.id!] { applySelf(own, to: target) }  // saved by the step
        let moved = scores.filter { $0.key != target.id && byID[$0.key]?.selfTotal != nil }
        try await writeScores(moved, tier: .selfAssessment, at: now, on: db)
    }

    static func applySelf(_ score: TargetScore, to target: CampaignTarget) {
        target.selfTotal = score.total
        target.selfNodeScoresJSON = nodesJSON(score)
    }

    /// Each node's result as a target keeps it.
    static func nodeResults(_ score: TargetScore) -> [String: NodeResult] {
        score.nodes.mapValues { NodeResult(ratio: $0.ratio, available: $0.available) }
    }

    static func nodesJSON(_ score: TargetScore) -> String { (try? JSONColumn.encode(nodeResults(score))) ?? "{}" }

    static func apply(_ score: TargetScore, to target: CampaignTarget) {
        target.total = score.total
        target.grade = score.grade
        target.vetoed = !score.vetoed.isEmpty
        target.nodeScoresJSON = nodesJSON(score)
    }

    /// 督意〔年〕N号: numbered per district and year.
    static func opinionNumber(campaign: Campaign, at now: Date, on db: any Database) async throws -> String {
        let year = Day.today(now: now).year
        let prefix = "督意〔\(year)〕"
        let issued = try await CampaignTarget.query(on: db).join(
            Campaign.self, on: \CampaignTarget.$campaignID == \Campaign.$id
        )
        .filter(Campaign.self, \.$districtID == campaign.districtID)
        .filter(\.$opinionNumber =~ prefix).count()
        return "\(prefix)\(issued + 1)号"
    }

    /// Each line of the opinion's problems becomes a problem of the school, followed by its responsible inspector.
    static func fileProblems(_ lines: [String], target: CampaignTarget, on db: any Database) async throws {
        let lines = lines.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !lines.isEmpty else { return }
        guard let schoolID = target.schoolID else {
            throw CampaignWork.Refused(message: "只有学校（幼儿园）对象的问题登记到问题台账；政府对象请写在督导意见中")
        }
        if lines.count > 50 { throw CampaignWork.Refused(message: "一次最多登记 50 个问题") }
        var inspectorID = try await DirectoryQueries.responsible(of: [schoolID], on: db)[schoolID]?.id
        if inspectorID == nil { inspectorID = try await User.find(target.leadUserID, on: db)?.inspectorID }
        guard let inspectorID else { throw CampaignWork.Refused(message: "该校没有责任督学，请先安排后再登记问题") }
        for line in lines {
            let p = Problem()
            p.campaignTargetID = target.id
            p.schoolID = schoolID
            p.orgPath = target.orgPath
            p.inspectorID = inspectorID
            p.category = "其他"
            p.severity = .serious
            p.disposition = .rectify
            p.description = "（\(target.opinionNumber ?? "督导意见书")）" + String(line.prefix(1000))
            p.state = .open
            p.draft = false
            p.referralDepartment = ""
            p.referralReply = ""
            try await p.save(on: db)
        }
    }
}
