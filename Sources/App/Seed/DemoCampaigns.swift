import DudaoCore
import Fluent
import Vapor

/// The demo's campaigns, each at a telling point of the procedure: the autumn opening check of every school done
/// (scores, ranking, problems in rectification); one school's 综合督导 with its 申辩 answered and its 督导意见书;
/// the kindergartens' 办园行为 assessment in self-assessment; the townships' assessment with rank points, half of it
/// drawn for the city's re-check (市级抽评) and one township re-scored; the county's own 督政 self-assessment
/// under way. Deterministic: the same marks every time.
enum DemoCampaigns {
    struct Context {
        let db: any Database
        let district: OrgUnit
        let office: Principal
        let team: [User]
        let store: (any AttachmentStore)?
    }

    static func seed(
        _ db: any Database, district: OrgUnit, schools: [School], inspectors: [Inspector], office: User,
        store: (any AttachmentStore)? = nil
    ) async throws {
        let hash = try await User.query(on: db).filter(\.$username == "inspector").first()!.passwordHash
        var team = [try await User.query(on: db).filter(\.$username == "inspector").first()!]
        for (n, (login, inspector)) in [("inspector2", inspectors[1]), ("inspector3", inspectors[2])].enumerated() {
            let u = User(
                username: login, passwordHash: hash, displayName: inspector.name, role: .inspector, org: district,
                mustChangePassword: false)
            u.inspectorID = inspector.id
            try await u.save(on: db)
            team.append(u)
            _ = n
        }
        let c = Context(db: db, district: district, office: Principal(office), team: team, store: store)
        try await springOpening(c)
        try await opening(c)
        try await comprehensive(c, school: schools[1])
        try await kindergartens(c)
        try await townships(c)
        try await county(c)
        try await doubleReduction(c, township: schools[0].townshipID)
        // Like the rest of the demo's history, the campaigns are seeded, not done by anyone: no audit trail.
        try await AuditEvent.query(on: db).filter(\.$entity ~~ ["campaign", "campaign_target"]).delete()
    }

    static func at(_ month: Int, _ day: Int) -> Date { Day(year: 2026, month: month, day: day)!.date(hour: 10) }

    static func version(_ key: String, _ c: Context) async throws -> (IndicatorVersion, IndicatorSystem) {
        let template = try await IndicatorTemplate.query(on: c.db).filter(\.$districtID == c.district.id!)
            .filter(\.$builtInKey == key).first()!
        let v = try await IndicatorVersion.all(templateID: template.id!, on: c.db).first!
        return (v, try v.system())
    }

    static func start(
        _ c: Context, _ title: String, _ kind: CampaignKind, key: String, target: TargetKind, from: Day, to: Day,
        team: [User], recheckPercent: Int = 0
    ) async throws -> (Campaign, IndicatorSystem, [CampaignTarget]) {
        let (v, system) = try await version(key, c)
        let input = CampaignInput(
            title: title, kind: kind, versionID: v.id!, startsOn: from, endsOn: to, announced: kind.announcedByDefault,
            leadUserID: team[0].id!, memberUserIDs: team.map { $0.id! }, targetKind: target, schoolTypes: [],
            townshipIDs: [], recheckPercent: recheckPercent)
        let campaign = try await CampaignWork.create(
            input, district: c.district, by: c.office, at: from.date(hour: 9), on: c.db)
        let targets = try await CampaignTarget.query(on: c.db).filter(\.$campaignID == campaign.id!).sort(\.$id).all()
        return (campaign, system, targets)
    }

    /// A member's marks: mostly met, a few items lost, varying by target and rater (never random).
    static func marks(_ system: IndicatorSystem, seed: Int, rater: Int) -> ScoringEngine.Answers {
        var answers: ScoringEngine.Answers = [:]
        for (i, leaf) in system.leaves.enumerated() {
            // Each target loses a different handful of items; raters differ now and then.
            let miss = (i * 7 + seed * 5 + rater * (i % 2)) % (6 + seed % 7) == 0
            switch leaf.form {
            case .yesNo?: answers[leaf.code] = miss ? .no : .yes
            case .deduction(let max, let per)?:
                answers[leaf.code] = .occurrences(miss ? Int(max / per / 2) : (seed + i) % 2)
            case .points(let max)?:
                answers[leaf.code] = .points(miss ? (max * 0.6).rounded() : max - Double((seed + i) % 3))
            case .levels(let levels)?:
                answers[leaf.code] = .level(levels[miss ? min(2, levels.count - 1) : (seed + i) % 2].label)
            case .threshold(_, let rule, let byType)?:
                let r = byType["primary"] ?? rule
                answers[leaf.code] = .value(miss ? (r.op == .atMost ? r.value + 10 : r.value - 1) : r.value)
            case .questionnaire(_, _, _, let minShare)?:
                answers[leaf.code] = .share(miss ? minShare - 0.1 : minShare + 0.05)
            case .rank?: answers[leaf.code] = .value(Double(50 + (seed * 13 + i * 5) % 40))
            case .campaign?: answers[leaf.code] = .share(miss ? 0.8 : 0.95)
            case .text?: answers[leaf.code] = .text(miss ? "个别项目需改进。" : "总体规范。")
            case nil: break
            }
        }
        return answers
    }

    /// The team rates on site and the lead fixes the team's score (the suggestion from the members' marks).
    static func rateOnSite(_ c: Context, _ t: CampaignTarget, _ system: IndicatorSystem, seed: Int, at: Date)
        async throws
    {
        var ratings: [(rater: String, answers: ScoringEngine.Answers)] = []
        for (n, member) in c.team.enumerated() {
            let answers = marks(system, seed: seed, rater: n)
            try await CampaignWork.saveRating(
                t, tier: .member, userID: member.id!, answers: answers, submit: true, by: Principal(member), at: at,
                on: c.db)
            ratings.append((member.displayName, answers))
        }
        let team = TeamRatings.suggestion(system, ratings: ratings, schoolType: t.schoolType)
        try await CampaignWork.saveRating(
            t, tier: .team, userID: CampaignProcedureStep.teamUserID, answers: team,
            remarks: remarks(system, team, seed: seed), submit: true, by: Principal(c.team[0]), at: at, on: c.db)
    }

    /// The team's remark on each item it did not give full points, in the words an inspector writes on site.
    static func remarks(_ system: IndicatorSystem, _ answers: ScoringEngine.Answers, seed: Int) -> [String: String] {
        let seen = ["现场查看", "查阅台账", "访谈师生", "抽查记录"]
        var out: [String: String] = [:]
        for leaf in system.leaves {
            switch answers[leaf.code] {
            case .no?: out[leaf.code] = "\(seen[(seed + leaf.code.count) % seen.count])发现未达到要求，需整改。"
            case .occurrences(let n)? where n > 0:
                out[leaf.code] = "\(seen[(seed + n) % seen.count])发现问题 \(n) 处，按每处扣分。"
            case .level(let l)? where l != "A" && l != "优": out[leaf.code] = "评为\(l)：部分内容落实不到位。"
            default: break
            }
        }
        return out
    }

    /// A small PDF standing for a scanned document (the demo's evidence files).
    static func pdf(_ title: String) -> Data {
        let text = "BT /F1 14 Tf 72 720 Td (\(title)) Tj ET"
        var body = "%PDF-1.4\n"
        var offsets: [Int] = []
        let objects = [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            "<< /Length \(text.utf8.count) >>\nstream\n\(text)\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ]
        for (i, object) in objects.enumerated() {
            offsets.append(body.utf8.count)
            body += "\(i + 1) 0 obj\n\(object)\nendobj\n"
        }
        let xref = body.utf8.count
        body += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets { body += String(format: "%010d 00000 n \n", offset) }
        body += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return Data(body.utf8)
    }

    /// Evidence files uploaded by the target for the items that ask for them (the first `limit` such items).
    static func evidence(
        _ c: Context, _ t: CampaignTarget, _ system: IndicatorSystem, limit: Int, by user: Int, at: Date
    ) async throws {
        guard let store = c.store else { return }
        for leaf in system.leaves.filter({ $0.evidence != nil }).prefix(limit) {
            let file = pdf("Dudao demo evidence \(leaf.code)")
            let e = CampaignEvidence()
            e.targetID = t.id!
            e.itemCode = leaf.code
            e.hash = try await store.put(file)
            e.name = "\(leaf.code) \(leaf.evidence?.note ?? leaf.title).pdf"
            e.type = "application/pdf"
            e.size = file.count
            e.uploadedBy = user
            e.uploadedAt = at
            try await e.create(on: c.db)
        }
    }

    static func step(
        _ c: Context, _ action: CampaignAction, _ t: CampaignTarget, _ campaign: Campaign, as actor: CampaignActor,
        text: String = "", problems: [String] = [], at: Date
    ) async throws {
        let fresh = try await CampaignTarget.find(t.id, on: c.db)!
        try await CampaignProcedureStep.take(
            action, target: fresh, campaign: campaign, actor: actor, text: text, problems: problems, by: c.office,
            at: at,
            on: c.db)
    }

    /// The spring opening check on the same system, finished: the autumn results compare with it.
    static func springOpening(_ c: Context) async throws {
        let (campaign, system, targets) = try await start(
            c, "2026年春季开学工作专项督导（“十个到位”）", .opening, key: "01-kaixue-shige-daowei", target: .school,
            from: Day(year: 2026, month: 2, day: 24)!, to: Day(year: 2026, month: 3, day: 10)!, team: c.team)
        for (n, t) in targets.enumerated() {
            try await rateOnSite(c, t, system, seed: n + 5, at: at(2, 27))
            try await step(c, .fixTeamScore, t, campaign, as: .lead, at: at(2, 28))
            try await step(c, .issueOpinion, t, campaign, as: .office, text: "开学各项工作基本到位。", at: at(3, 3))
            try await step(c, .closeRectification, t, campaign, as: .office, at: at(3, 6))
        }
        campaign.publishedOn = "2026-03-10"
        try await campaign.save(on: c.db)
    }

    static func opening(_ c: Context) async throws {
        let (campaign, system, targets) = try await start(
            c, "2026年秋季开学工作专项督导（“十个到位”）", .opening, key: "01-kaixue-shige-daowei", target: .school,
            from: Day(year: 2026, month: 8, day: 28)!, to: Day(year: 2026, month: 9, day: 15)!, team: c.team)
        let findings = ["控辍保学台账未逐人建立，2名未报到学生未跟踪", "食堂48小时留样记录不全", "消防通道有杂物堆放"]
        for (n, t) in targets.enumerated() {
            try await rateOnSite(c, t, system, seed: n, at: at(9, 3))
            try await step(c, .fixTeamScore, t, campaign, as: .lead, at: at(9, 4))
            let problems = n % 4 == 1 ? [findings[n % 3]] : []
            try await step(
                c, .issueOpinion, t, campaign, as: .office,
                text: problems.isEmpty ? "开学各项工作到位，予以肯定。" : "开学工作基本到位，请针对下列问题于30日内完成整改并报送整改报告。",
                problems: problems, at: at(9, 8))
            if problems.isEmpty { try await step(c, .closeRectification, t, campaign, as: .office, at: at(9, 10)) }
        }
        // Published to the schools and on the public site (通报).
        campaign.publishedOn = "2026-09-16"
        campaign.publishedPublic = true
        try await campaign.save(on: c.db)
    }

    static func comprehensive(_ c: Context, school: School) async throws {
        let (v, system) = try await version("06-xuexiao-niandu-kaohe", c)
        let input = CampaignInput(
            title: "\(school.name)综合督导", kind: .comprehensive, versionID: v.id!,
            startsOn: Day(year: 2026, month: 10, day: 8)!, endsOn: Day(year: 2026, month: 12, day: 20)!,
            announced: true,
            leadUserID: c.team[0].id!, memberUserIDs: c.team.map { $0.id! }, targetKind: .school,
            schoolTypes: [school.type], townshipIDs: [school.townshipID])
        let campaign = try await CampaignWork.create(input, district: c.district, by: c.office, at: at(10, 8), on: c.db)
        let targets = try await CampaignTarget.query(on: c.db).filter(\.$campaignID == campaign.id!).sort(\.$id).all()
        guard let t = targets.first(where: { $0.schoolID == school.id }) else { return }
        // One school of the township is the target: the others of the same type are dropped from this campaign.
        for other in targets where other.id != t.id {
            try await CampaignMember.query(on: c.db).filter(\.$targetID == other.id!).delete()
            try await other.delete(on: c.db)
        }
        try await step(c, .sendNotice, t, campaign, as: .office, at: at(10, 8))
        try await CampaignWork.saveRating(
            t, tier: .selfAssessment, userID: 0, answers: marks(system, seed: 1, rater: 5), submit: false, by: c.office,
            at: at(10, 15), on: c.db)
        try await step(c, .submitSelfAssessment, t, campaign, as: .target, at: at(10, 16))
        try await rateOnSite(c, t, system, seed: 2, at: at(10, 22))
        try await step(c, .fixTeamScore, t, campaign, as: .lead, at: at(10, 23))
        try await step(
            c, .issuePreliminary, t, campaign, as: .lead,
            text: "学校五育并举总体落实较好；劳动教育课时不足，作业公示未覆盖全部年级。", at: at(10, 27))
        try await step(
            c, .submitAppeal, t, campaign, as: .target,
            text: "劳动教育已在校本课程中安排，每周1课时，附课程表。", at: at(10, 30))
        try await step(
            c, .closeAppeal, t, campaign, as: .lead,
            text: "经核对课程表，劳动教育课时符合要求，采纳申辩；作业公示问题维持原意见。", at: at(11, 3))
        try await step(
            c, .issueOpinion, t, campaign, as: .office,
            text: "请学校于2026年12月10日前完成作业公示整改，书面报送区教育督导室。", problems: ["作业公示未覆盖全部年级"],
            at: at(11, 6))
    }

    static func kindergartens(_ c: Context) async throws {
        let (campaign, system, targets) = try await start(
            c, "2026年幼儿园办园行为督导评估", .assessment, key: "03-youeryuan-banyuan-xingwei", target: .kindergarten,
            from: Day(year: 2026, month: 11, day: 2)!, to: Day(year: 2026, month: 12, day: 25)!, team: c.team)
        for (n, t) in targets.enumerated() {
            try await step(c, .sendNotice, t, campaign, as: .office, at: at(11, 3))
            if n == 0 {
                // The first kindergarten is being visited: its 自评 is in, 李秀英 has rated, the others have not.
                try await CampaignWork.saveRating(
                    t, tier: .selfAssessment, userID: 0, answers: marks(system, seed: n, rater: 7), submit: true,
                    by: c.office, at: at(11, 10), on: c.db)
                try await step(c, .submitSelfAssessment, t, campaign, as: .target, at: at(11, 11))
                try await evidence(c, t, system, limit: 10, by: c.office.userID, at: at(11, 10))
                try await CampaignWork.saveRating(
                    t, tier: .member, userID: c.team[1].id!, answers: marks(system, seed: n, rater: 1), submit: true,
                    by: Principal(c.team[1]), at: at(11, 24), on: c.db)
            } else if n % 2 == 0 {
                let partial = marks(system, seed: n, rater: 7).filter { $0.key.hasPrefix("1") || $0.key.hasPrefix("2") }
                try await CampaignWork.saveRating(
                    t, tier: .selfAssessment, userID: 0, answers: partial, submit: false, by: c.office, at: at(11, 10),
                    on: c.db)
            }
        }
    }

    static func townships(_ c: Context) async throws {
        let (campaign, system, targets) = try await start(
            c, "2026年度镇（街道）教育工作考评", .assessment, key: "07-zhenjie-jiaoyu-kaoping", target: .township,
            from: Day(year: 2026, month: 11, day: 1)!, to: Day(year: 2026, month: 12, day: 31)!, team: c.team,
            recheckPercent: 50)
        for (n, t) in targets.enumerated() {
            try await step(c, .sendNotice, t, campaign, as: .office, at: at(11, 2))
            try await CampaignWork.saveRating(
                t, tier: .selfAssessment, userID: 0, answers: marks(system, seed: n, rater: 9), submit: true,
                by: c.office,
                at: at(11, 9), on: c.db)
            try await step(c, .submitSelfAssessment, t, campaign, as: .target, at: at(11, 10))
            try await rateOnSite(c, t, system, seed: n + 3, at: at(11, 18))
            try await step(c, .fixTeamScore, t, campaign, as: .lead, at: at(11, 19))
        }
        try await cityRecheck(c, campaign, system, targets)
    }

    /// The city's office drew half of the townships once the county had scored them all (a fixed draw, so the demo
    /// is the same every time) and has re-scored the first; the others wait for it.
    static func cityRecheck(
        _ c: Context, _ campaign: Campaign, _ system: IndicatorSystem, _ targets: [CampaignTarget]
    ) async throws {
        guard let city = try await User.query(on: c.db).filter(\.$username == "city").first() else { return }
        var generator = SeededGenerator(seed: 2026)
        let sample = CityRecheck.draw(targets.map { $0.id! }, percent: campaign.recheckPercent, using: &generator)
        try await CampaignTarget.query(on: c.db).filter(\.$id ~~ sample).set(\.$recheck, to: true).update()
        campaign.recheckDrawnOn = "2026-11-24"
        try await campaign.save(on: c.db)
        guard let first = sample.first, let n = targets.firstIndex(where: { $0.id == first }) else { return }
        // The city marks as a fourth rater of the same visit would (the team's members were raters 0–2).
        try await CampaignWork.submitRecheck(
            targets[n], campaign: campaign, answers: marks(system, seed: n + 3, rater: 4),
            remarks: [:], by: Principal(city), at: at(11, 27), on: c.db)
    }

    static func county(_ c: Context) async throws {
        let (campaign, system, targets) = try await start(
            c, "2026年度县级人民政府履行教育职责自评", .government, key: "09-xianji-duzheng-ziping", target: .county,
            from: Day(year: 2026, month: 11, day: 10)!, to: Day(year: 2027, month: 1, day: 15)!, team: c.team)
        for t in targets {
            try await step(c, .sendNotice, t, campaign, as: .office, at: at(11, 10))
            let partial = marks(system, seed: 4, rater: 2).filter { $0.key.hasPrefix("1") || $0.key.hasPrefix("2") }
            try await CampaignWork.saveRating(
                t, tier: .selfAssessment, userID: 0, answers: partial, submit: false, by: c.office, at: at(11, 20),
                on: c.db)
            // The county's offices have filed the evidence of the first areas so far.
            try await evidence(c, t, system, limit: 6, by: c.office.userID, at: at(11, 20))
        }
    }

    /// A 双减 special check of one township's schools under way, with a parents' questionnaire answered: the team's
    /// rating page fills the 作业量满意度 item from it.
    static func doubleReduction(_ c: Context, township: Int) async throws {
        let (v, _) = try await version("02-wuxiang-shuangjian", c)
        let input = CampaignInput(
            title: "2026年秋季“双减”和“五项管理”专项督导", kind: .special, versionID: v.id!,
            startsOn: Day(year: 2026, month: 11, day: 16)!, endsOn: Day(year: 2026, month: 12, day: 18)!,
            announced: true,
            leadUserID: c.team[0].id!, memberUserIDs: c.team.map { $0.id! }, targetKind: .school, schoolTypes: [],
            townshipIDs: [township])
        let campaign = try await CampaignWork.create(
            input, district: c.district, by: c.office, at: at(11, 16), on: c.db)
        let q = QuestionnaireRecord()
        q.campaignID = campaign.id!
        q.title = "家长问卷（作业与课后服务）"
        q.audience = .parents
        q.questionsJSON = String(
            decoding: try JSONEncoder().encode(
                QuestionnaireText.parse(
                    """
                    单选｜您对目前的作业量是否满意？｜满意/比较满意/不太满意/不满意
                    单选｜孩子是否参加学校课后服务？｜参加/未参加
                    填空｜您对学校作业和课后服务的建议
                    """
                ).questions), as: UTF8.self)
        q.closesOn = "2026-12-10"
        q.linkSecret = "demo-questionnaire"
        q.createdAt = at(11, 16)
        try await q.create(on: c.db)
        let choices = ["满意", "比较满意", "满意", "不太满意", "满意", "比较满意", "不满意", "满意", "比较满意", "满意"]
        let targets = try await CampaignTarget.query(on: c.db).filter(\.$campaignID == campaign.id!).sort(\.$id).all()
        for (n, t) in targets.enumerated() {
            // 30–40 parents per school; the share satisfied differs by school (some below the 85% line).
            for k in 0..<(30 + n * 3) {
                let a = QuestionnaireAnswer()
                a.questionnaireID = q.id!
                a.targetID = t.id!
                a.deviceHash = QuestionnairesController.hash("demo-\(t.id!)-\(k)")
                a.answersJSON = String(
                    decoding: try JSONEncoder().encode([
                        "Q1": [choices[(k + n) % choices.count]], "Q2": [k % 4 == 0 ? "未参加" : "参加"],
                    ]), as: UTF8.self)
                a.createdAt = at(11, 20)
                try await a.create(on: c.db)
            }
        }
    }
}
