import DudaoCore
import Fluent
import SQLKit
import Vapor

/// `dudao bench-campaign --targets N --items 60`: a campaign at province scale, timed phase by phase on an empty
/// database — one district holding N schools (batched SQL), a 60-item indicator system published in it, then:
/// creating the campaign over every school, the progress board (first and last page), the team's ratings written
/// for every target, scoring all targets together (rank items placed across the whole group), and the ranking
/// (first and last page). Run under `/usr/bin/time -v` for the peak memory; see `bench/campaign.sh`.
struct CampaignBenchCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "targets", help: "Number of schools in the campaign (e.g. 20000)")
        var targets: Int?

        @Option(name: "items", help: "Scored items of the indicator system (default 60)")
        var items: Int?
    }

    var help: String { "督导任务规模测试：在空数据库中生成 N 所学校和一个指标体系，逐项计时" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let n = signature.targets ?? 20_000
        let items = signature.items ?? 60
        guard (1...200_000).contains(n), (1...600).contains(items) else {
            context.console.error("--targets 应为 1–200000，--items 应为 1–600")
            return
        }
        guard try await OrgUnit.query(on: app.db).count() == 0 else {
            context.console.error("数据库不是空的。请使用新的 DATA_DIR 或空数据库。")
            return
        }
        let bench = CampaignBench(db: app.db, now: app.clock.now(), today: app.clock.today)
        let timer = ContinuousClock()
        func step<T>(_ label: String, _ work: () async throws -> T) async throws -> T {
            let started = timer.now
            let result = try await work()
            let ms = (timer.now - started).seconds * 1000
            context.console.print(String(format: "%-28@ %10.1f ms", label as NSString, ms))
            return result
        }
        let office = try await step("准备：\(n) 所学校") { try await bench.district(schools: n) }
        let version = try await step("准备：\(items) 项指标体系") { try await bench.system(items: items, office: office) }
        let campaign = try await step("发布督导任务") { try await bench.campaign(version: version, office: office) }
        let targets = try await CampaignTarget.query(on: app.db).filter(\.$campaignID == campaign.id!).count()
        context.console.print("督导对象：\(targets) 个")
        let last = (targets + Paging.defaultPer - 1) / Paging.defaultPer
        _ = try await step("进度看板 第1页") { try await bench.board(campaign, office: office, page: 1) }
        _ = try await step("进度看板 第\(last)页") { try await bench.board(campaign, office: office, page: last) }
        try await step("写入督导组评分（全部对象）") { try await bench.rate(campaign, system: try version.system()) }
        try await step("全部对象计分（含排名项）") { try await bench.scoreAll(campaign, system: try version.system()) }
        _ = try await step("结果排名 第1页") { try await bench.results(campaign, page: 1) }
        _ = try await step("结果排名 第\(last)页") { try await bench.results(campaign, page: last) }
        // The same campaign as an assessment with a 自评 and a 10% 市级抽评: every target's 自评 handed in, the
        // ranking with the 自评's scores (rank items placed among all 自评), the city's draw and one 抽评.
        try await bench.makeAssessment(campaign)
        try await step("写入自评（全部对象）") {
            try await bench.rate(campaign, system: try version.system(), tier: .selfAssessment)
        }
        try await step("自评计分（全部对象，含排名项）") {
            try await bench.scoreAll(campaign, system: try version.system(), tier: .selfAssessment)
        }
        _ = try await step("结果排名 第1页（含自评）") { try await bench.results(campaign, page: 1) }
        let drawn = try await step("抽取市级抽评对象（10%）") { try await bench.drawSample(campaign, office: office) }
        context.console.print("抽评对象：\(drawn) 个")
        try await step("提交一个对象的市级抽评") { try await bench.recheckOne(campaign, system: try version.system()) }
    }
}

/// The steps of the campaign benchmark, each through the code the pages use.
struct CampaignBench {
    let db: any Database
    let now: Date
    let today: Day

    /// One district of `schools` primary and junior schools in ten townships, and its office account.
    func district(schools n: Int) async throws -> Principal {
        guard let sql = db as? any SQLDatabase else { throw Abort(.internalServerError) }
        var orgs: [[any Encodable & Sendable]] = [
            [1, "示例市", "city", nil as Int?, "/1/", now], [2, "示例区", "district", 1, "/1/2/", now],
        ]
        for t in 0..<10 { orgs.append([3 + t, "第\(t + 1)镇", "township", 2, "/1/2/\(3 + t)/", now]) }
        try await ScaleSeed.insert(sql, "org_units", ["id", "name", "level", "parent_id", "path", "created_at"], orgs)
        var rows: [[any Encodable & Sendable]] = []
        for i in 0..<n {
            let township = 3 + i % 10
            let type: SchoolType = i % 3 == 0 ? .junior : .primary
            rows.append([
                i + 1, String(format: "3%09d", i + 1), "示例区第\(i + 1)\(type.label)", type.rawValue, "public", township,
                2,
                "/1/2/\(township)/", nil as Int?, "示例路\(i % 500 + 1)号", "校长\(i % 997)", "0571-80000000", 600, "", 12,
                40, "open", now, now,
            ])
            if rows.count == ScaleSeed.batch {
                try await ScaleSeed.insertSchools(sql, rows)
                rows.removeAll(keepingCapacity: true)
            }
        }
        if !rows.isEmpty { try await ScaleSeed.insertSchools(sql, rows) }
        try await ScaleSeed.fixSequences(sql, tables: ["org_units", "schools"])
        guard let district = try await OrgUnit.find(2, on: db) else { throw Abort(.internalServerError) }
        let hash = try Bcrypt.hash(DemoSeed.password, cost: 4)
        let office = User(
            username: "office", passwordHash: hash, displayName: "督导室", role: .office, org: district,
            mustChangePassword: false)
        try await office.save(on: db)
        return Principal(office)
    }

    /// A published system of `items` leaves under six areas, every form the engine knows, one rank item.
    func system(items: Int, office: Principal) async throws -> IndicatorVersion {
        var nodes: [IndicatorNode] = []
        let areas = 6
        // Parents before their children: each area, then its items.
        for a in 1...areas {
            nodes.append(IndicatorNode(code: "\(a)", title: "一级指标\(a)"))
            for k in stride(from: a - 1, to: items, by: areas) {
                let form: ScoringForm =
                    switch k % 6 {
                    case 0: .yesNo(points: 2)
                    case 1: .deduction(max: 2, per: 0.5)
                    case 2: .points(max: 2)
                    case 3: .levels([ScoringLevel(label: "A", points: 2), ScoringLevel(label: "B", points: 1)])
                    case 4: .threshold(points: 2, rule: ThresholdRule(op: .atLeast, value: 60), byType: [:])
                    default: k == 5 ? .rank(points: [2, 1.5, 1], higherIsBetter: true) : .yesNo(points: 2)
                    }
                nodes.append(
                    IndicatorNode(code: "\(a).\(k / areas + 1)", parent: "\(a)", title: "检查项\(k + 1)", form: form))
            }
        }
        let system = IndicatorSystem(name: "规模测试指标体系", kind: .school, fullScore: 100, nodes: nodes)
        let template = IndicatorTemplate(districtID: 2, system: system, at: now)
        try await template.create(on: db)
        let version = try IndicatorVersion(templateID: template.id!, number: 1, system: system, createdBy: nil, at: now)
        version.state = .published
        try await version.create(on: db)
        return version
    }

    func campaign(version: IndicatorVersion, office: Principal) async throws -> Campaign {
        guard let district = try await OrgUnit.find(2, on: db) else { throw Abort(.internalServerError) }
        let input = CampaignInput(
            title: "规模测试专项督导", kind: .special, versionID: version.id!, startsOn: today, endsOn: today.adding(days: 30),
            announced: true, leadUserID: office.userID, memberUserIDs: [office.userID], targetKind: .school,
            schoolTypes: [], townshipIDs: [])
        return try await CampaignWork.create(input, district: district, by: office, at: now, on: db)
    }

    func board(_ campaign: Campaign, office: Principal, page: Int) async throws -> Int {
        guard let user = try await User.find(office.userID, on: db) else { return 0 }
        let scope = Scope(principal: Principal(user), assignedSchoolIDs: [])
        let board = try await CampaignBoard.query(
            campaign: campaign, scope: scope, paging: Paging(page: page, per: nil), phase: nil, today: today, on: db)
        return board.page.items.count
    }

    /// The team's rating (or each target's 自评) of every target, written in batches (as the saves would leave them).
    func rate(_ campaign: Campaign, system: IndicatorSystem, tier: RatingTier = .team) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        var after = 0
        while true {
            let ids = try await CampaignTarget.query(on: db).filter(\.$campaignID == campaign.id!)
                .filter(\.$id > after).sort(\.$id).limit(ScaleSeed.batch).all(\.$id).compactMap { $0 }
            guard let last = ids.last else { break }
            var rows: [[any Encodable & Sendable]] = []
            for id in ids {
                let answers = DemoCampaigns.marks(system, seed: id, rater: tier == .team ? 0 : 9)
                rows.append([id, 0, tier.rawValue, try JSONColumn.encode(answers), true, now, "{}"])
            }
            try await ScaleSeed.insert(
                sql, "campaign_ratings",
                ["target_id", "user_id", "tier", "answers", "submitted", "updated_at", "comments"], rows)
            after = last
        }
    }

    /// Every target's team rating (or 自评) scored together (rank items placed across all), written back in batches.
    func scoreAll(_ campaign: Campaign, system: IndicatorSystem, tier: RatingTier = .team) async throws {
        let ratings = try await CampaignRating.query(on: db).join(
            CampaignTarget.self, on: \CampaignRating.$targetID == \CampaignTarget.$id
        ).filter(CampaignTarget.self, \.$campaignID == campaign.id!).filter(\.$tier == tier).all()
        let scores = ScoringEngine.scoreGroup(
            system, targets: ratings.map { (id: $0.targetID, schoolType: nil as String?, answers: $0.answers) })
        try await db.transaction { db in
            try await CampaignProcedureStep.writeScores(scores, tier: tier, at: now, on: db)
        }
    }

    /// Gives the campaign a 自评 phase and a 10% 抽评, as an assessment configured so would have.
    func makeAssessment(_ campaign: Campaign) async throws {
        campaign.phaseList = ([.selfAssessment] + campaign.phases).map(\.rawValue).joined(separator: ",")
        campaign.recheckPercent = 10
        try await campaign.save(on: db)
    }

    /// The city's draw, through the code the page uses (the bench's district office stands in for the city).
    func drawSample(_ campaign: Campaign, office: Principal) async throws -> Int {
        guard let district = try await OrgUnit.find(campaign.districtID, on: db) else { return 0 }
        return try await CampaignRecheck.drawSample(
            campaign, district: district, by: office, today: today, now: now, on: db)
    }

    /// One drawn target's 抽评 handed in: scored among every target of the campaign (its rank items).
    func recheckOne(_ campaign: Campaign, system: IndicatorSystem) async throws {
        guard
            let target = try await CampaignTarget.query(on: db).filter(\.$campaignID == campaign.id!)
                .filter(\.$recheck == true).sort(\.$id).first(),
            let user = try await User.query(on: db).filter(\.$username == "office").first()
        else { return }
        try await CampaignWork.submitRecheck(
            target, campaign: campaign, answers: DemoCampaigns.marks(system, seed: target.id!, rater: 4), remarks: [:],
            by: Principal(user), at: now, on: db)
    }

    func results(_ campaign: Campaign, page: Int) async throws -> Int {
        try await CampaignResults.query(campaign: campaign, paging: Paging(page: page, per: nil), on: db).page.items
            .count
    }
}
