import DudaoCore
import Fluent
import Foundation

/// The writes of a campaign: starting it over its targets, saving ratings, taking a procedure step. Each in one
/// transaction with its audit record; rules come from DudaoCore (CampaignProcedure, ScoringEngine).
enum CampaignWork {
    struct Refused: Error {
        let message: String
    }

    /// Starts a campaign: checks the version and the team belong to the district, picks the targets, and puts each
    /// in the first phase with the whole team. Targets are written in batches (a province has tens of thousands).
    static func create(
        _ input: CampaignInput, district: OrgUnit, by principal: Principal, at now: Date, on db: any Database
    ) async throws -> Campaign {
        guard let version = try await IndicatorVersion.find(input.versionID, on: db), version.state == .published,
            let template = try await IndicatorTemplate.find(version.templateID, districtID: district.id!, on: db)
        else { throw Refused(message: "请选择本区已发布的指标体系") }
        guard template.kind == input.targetKind else {
            throw Refused(message: "「\(template.name)」用于评价\(template.kind.label)，与所选督导对象不符")
        }
        let team = try await User.query(on: db).filter(\.$id ~~ input.memberUserIDs).filter(\.$active == true)
            .inSubtree(\.$orgPath, district.path).all()
        guard team.count == input.memberUserIDs.count, team.allSatisfy({ $0.role == .inspector || $0.role == .office })
        else { throw Refused(message: "督导组成员应为本区的督学或督导室人员") }
        let targets = try await pickTargets(input, district: district, on: db)
        guard !targets.isEmpty else { throw Refused(message: "没有符合条件的督导对象") }
        // The district's phase list for the kind (a special-topic check may skip the notice and the 自评).
        let rules = try await DistrictSettings.forDistrict(district.id!, on: db).campaignRules

        return try await db.writeTransaction { db in
            let campaign = Campaign()
            campaign.districtID = district.id!
            campaign.kind = input.kind
            campaign.title = input.title
            campaign.versionID = version.id!
            campaign.phaseList = rules.phases(for: input.kind).map(\.rawValue).joined(separator: ",")
            campaign.startsOn = input.startsOn.description
            campaign.endsOn = input.endsOn.description
            campaign.announced = input.announced
            campaign.recheckPercent = input.recheckPercent
            campaign.createdBy = principal.userID
            campaign.createdAt = now
            try await campaign.create(on: db)
            let first = campaign.phases.first
            for chunk in targets.chunked(500) {
                try await chunk.map { t -> CampaignTarget in
                    t.campaignID = campaign.id!
                    t.phase = first
                    t.leadUserID = input.leadUserID
                    t.updatedAt = now
                    return t
                }.create(on: db)
            }
            let ids = try await CampaignTarget.query(on: db).filter(\.$campaignID == campaign.id!).all(\.$id)
            let members = ids.flatMap { id in input.memberUserIDs.map { CampaignMember(targetID: id, userID: $0) } }
            for chunk in members.chunked(1000) { try await chunk.create(on: db) }
            try await Audit.record(
                on: db, actor: principal, action: "create", entity: "campaign", id: campaign.id!,
                orgPath: district.path,
                summary: "发布督导任务「\(input.title)」（\(input.kind.label)，\(ids.count)个对象）")
            return campaign
        }
    }

    static func pickTargets(_ input: CampaignInput, district: OrgUnit, on db: any Database) async throws
        -> [CampaignTarget]
    {
        func target(name: String, path: String) -> CampaignTarget {
            let t = CampaignTarget()
            t.name = name
            t.orgPath = path
            t.vetoed = false
            t.preliminary = ""
            t.appeal = ""
            t.appealAnswer = ""
            t.opinion = ""
            return t
        }
        switch input.targetKind {
        case .county:
            let t = target(name: district.name + "人民政府", path: district.path)
            t.orgUnitID = district.id
            return [t]
        case .township:
            var townships = try await OrgUnit.townships(under: district.path, on: db)
            if !input.townshipIDs.isEmpty { townships = townships.filter { input.townshipIDs.contains($0.id!) } }
            return townships.map {
                let t = target(name: $0.name, path: $0.path)
                t.orgUnitID = $0.id
                return t
            }
        case .school, .kindergarten:
            var q = School.query(on: db).filter(\.$districtID == district.id!).filter(\.$status == .open)
            if input.targetKind == .kindergarten {
                q = q.filter(\.$type == .kindergarten)
            } else if input.schoolTypes.isEmpty {
                q = q.filter(\.$type != .kindergarten)
            } else {
                q = q.filter(\.$type ~~ input.schoolTypes.filter { $0 != .kindergarten })
            }
            if !input.townshipIDs.isEmpty { q = q.filter(\.$townshipID ~~ input.townshipIDs) }
            var result: [CampaignTarget] = []
            var after = 0
            // By id, a batch at a time: never the whole table in one read.
            while true {
                let batch = try await q.copy().filter(\.$id > after).sort(\.$id).limit(2000)
                    .field(\.$id).field(\.$name).field(\.$orgPath).field(\.$type).all()
                for s in batch {
                    let t = target(name: s.name, path: s.orgPath)
                    t.schoolID = s.id
                    t.schoolType = s.type.rawValue
                    result.append(t)
                }
                guard batch.count == 2000, let last = batch.last?.id else { break }
                after = last
            }
            return result
        }
    }

    /// Saves (and with `submit`, hands in) one set of answers.
    static func saveRating(
        _ target: CampaignTarget, tier: RatingTier, userID: Int, answers: ScoringEngine.Answers,
        remarks: [String: String] = [:], submit: Bool, by principal: Principal, at now: Date, on db: any Database
    ) async throws {
        try await db.writeTransaction { db in
            try await storeRating(
                target, tier: tier, userID: userID, answers: answers, remarks: remarks, submit: submit, at: now, on: db)
            try await Audit.record(
                on: db, actor: principal, action: "update", entity: "campaign_target", id: target.id!,
                orgPath: target.orgPath, summary: "\(target.name)：保存\(tier.label)（\(answers.count)项）")
        }
    }

    /// Hands in the city's re-check: scored on the campaign's version (complete, as the team's must be), kept on
    /// the target beside the county's score, final. A second tap finds it handed in already.
    static func submitRecheck(
        _ target: CampaignTarget, campaign: Campaign, answers: ScoringEngine.Answers, remarks: [String: String],
        by principal: Principal, at now: Date, on db: any Database
    ) async throws {
        let score = try await CampaignProcedureStep.recheckScore(target, campaign: campaign, answers: answers, on: db)
        try await db.writeTransaction { db in
            guard let current = try await CampaignTarget.find(target.id, on: db) else {
                throw Refused(message: "督导对象不存在")
            }
            if let refusal = CityRecheck.refusal(
                inSample: current.recheck, countyScored: current.total != nil, submitted: current.recheckTotal != nil)
            {
                throw Refused(message: refusal)
            }
            try await storeRating(
                current, tier: .recheck, userID: CampaignProcedureStep.teamUserID, answers: answers, remarks: remarks,
                submit: true, at: now, on: db)
            current.recheckTotal = score.total
            current.recheckGrade = score.grade
            current.recheckNodeScoresJSON = CampaignProcedureStep.nodesJSON(score)
            current.updatedAt = now
            try await current.save(on: db)
            let county = Score.text(current.total ?? 0)
            try await Audit.record(
                on: db, actor: principal, action: "update", entity: "campaign_target", id: current.id!,
                orgPath: current.orgPath,
                summary: "\(current.name)：提交市级抽评 \(Score.text(score.total)) 分（区（县）复评 \(county) 分）")
        }
    }

    /// Writes one rater's answers and remarks (inside the caller's transaction).
    static func storeRating(
        _ target: CampaignTarget, tier: RatingTier, userID: Int, answers: ScoringEngine.Answers,
        remarks: [String: String], submit: Bool, at now: Date, on db: any Database
    ) async throws {
        let rating =
            try await CampaignRating.query(on: db).filter(\.$targetID == target.id!).filter(\.$userID == userID)
            .filter(\.$tier == tier).first() ?? CampaignRating()
        if rating.id == nil {
            rating.targetID = target.id!
            rating.userID = userID
            rating.tier = tier
            rating.submitted = false
        }
        try rating.setAnswers(answers)
        rating.commentsJSON = try JSONColumn.encode(remarks)
        rating.submitted = rating.submitted || submit
        rating.updatedAt = now
        try await rating.save(on: db)
    }
}
