import DudaoCore
import Fluent
import XCTVapor

@testable import App

/// 市级抽评, an assessment's third tier: the district sets the share when it starts the assessment; the city's
/// office (the demo's `city`, above 青川区) reads its districts' campaigns, draws the sample once the county has
/// scored every target, and re-scores the drawn targets; the 自评, the county's and the city's scores are all kept.
final class CityRecheckRouteTests: XCTestCase {
    /// An assessment of school 1's township on the 开学 system with `percent` re-checked; its targets by id.
    func assessment(_ app: Application, percent: String) async throws -> (Campaign, [CampaignTarget]) {
        let team = try await team(app)
        let office = try await login(app, "office")
        try await office.get("/campaigns/new")
        let form = campaignForm(
            try await openingVersion(app), team, members: [], township: try await app.school(1).townshipID,
            kind: "assessment")
        let created = try await office.post(
            "/campaigns",
            form: replacing(replacing(form, "title", with: "2026年学校年度考核"), "recheckPercent", with: percent))
        guard created.status == .seeOther else { throw TestSetupError("assessment not created: \(created.status)") }
        let campaign = try await Campaign.query(on: app.db).filter(\.$title == "2026年学校年度考核").first()!
        let targets = try await CampaignTarget.query(on: app.db).filter(\.$campaignID == campaign.id!).sort(\.$id)
            .all()
        return (campaign, targets)
    }

    /// The county's review done: each target's team score fixed at `total` (the procedure is tested elsewhere).
    func countyScores(_ app: Application, _ targets: [CampaignTarget], total: Double = 90) async throws {
        for stale in targets {
            guard let target = try await CampaignTarget.find(stale.id, on: app.db) else { continue }
            target.total = total
            target.grade = "优秀"
            try await target.save(on: app.db)
        }
    }

    /// Every leaf of the 开学 system met: 是 for yes/no items, no deduction found.
    func allMet(_ app: Application) async throws -> [(String, String)] {
        var answers: [(String, String)] = []
        for leaf in try await openingVersion(app).system().leaves {
            if case .yesNo? = leaf.form { answers.append(("a_\(leaf.code)", "yes")) }
            if case .deduction? = leaf.form { answers.append(("a_\(leaf.code)", "0")) }
        }
        return answers
    }

    func testOnlyAnAssessmentHasTheCityTierAndTheShareIsAWholePercent() async throws {
        try await withApp(history: false) { app in
            let team = try await team(app)
            let office = try await login(app, "office")
            try await office.get("/campaigns/new")
            let form = campaignForm(
                try await openingVersion(app), team, members: [team.second, team.third],
                township: try await app.school(1).townshipID)

            let comprehensive = try await office.post("/campaigns", form: replacing(form, "recheckPercent", with: "30"))
            let overflow = try await office.post(
                "/campaigns",
                form: replacing(
                    replacing(form, "kind", with: "assessment"), "recheckPercent", with: "9223372036854775807"))

            XCTAssertEqual(comprehensive.status, .unprocessableEntity)
            XCTAssertTrue(comprehensive.body.string.contains("只有评估考核设市级抽评，综合督导请填 0 或留空"))
            XCTAssertEqual(overflow.status, .unprocessableEntity)
            XCTAssertTrue(overflow.body.string.contains("市级抽评比例请填写 0–100 的整数"))
            XCTAssertTrue(overflow.body.string.contains(#"value="9223372036854775807""#), "what was typed stays")
            let count = try await Campaign.query(on: app.db).count()
            XCTAssertEqual(count, 0, "a refused form saves nothing")
        }
    }

    func testTheCityDrawsItsShareOnceAfterTheCountyHasScoredEveryTarget() async throws {
        try await withApp(history: false) { app in
            let (campaign, targets) = try await assessment(app, percent: "50")
            let c = "/campaigns/\(campaign.id!)"
            XCTAssertEqual(campaign.recheckPercent, 50)
            XCTAssertGreaterThan(targets.count, 1)

            // The city reads its districts' campaigns, each with its district named.
            let city = try await login(app, "city")
            let list = try await city.get("/campaigns")
            XCTAssertTrue(list.body.string.contains("2026年学校年度考核"))
            XCTAssertTrue(list.body.string.contains("青川区"))
            XCTAssertTrue(list.body.string.contains("评估考核（市级抽评 50%）"))

            // Not before the county has scored every target, and never by the district's own office.
            try await city.get(c)
            let early = try await city.post("\(c)/recheck", form: [])
            let afterEarly = try await city.get(c)
            let office = try await login(app, "office")
            try await office.get(c)
            let byDistrict = try await office.post("\(c)/recheck", form: [])
            XCTAssertEqual(early.status, .seeOther)
            XCTAssertTrue(afterEarly.body.string.contains("还有 \(targets.count) 个对象的区（县）复评未确定"))
            XCTAssertEqual(byDistrict.status, .forbidden)
            let none = try await CampaignTarget.query(on: app.db).filter(\.$recheck == true).count()
            XCTAssertEqual(none, 0)

            try await countyScores(app, targets)
            try await city.get(c)
            let drawn = try await city.post("\(c)/recheck", form: [])
            let again = try await city.post("\(c)/recheck", form: [])
            let board = try await city.get(c)

            XCTAssertEqual(drawn.status, .seeOther)
            XCTAssertEqual(again.status, .seeOther)
            let sampled = try await CampaignTarget.query(on: app.db).filter(\.$campaignID == campaign.id!)
                .filter(\.$recheck == true).count()
            XCTAssertEqual(sampled, CityRecheck.sampleSize(of: targets.count, percent: 50), "drawn once, not twice")
            let stored = try await Campaign.find(campaign.id, on: app.db)!
            XCTAssertEqual(stored.recheckDrawnOn, TestClock.today.description)
            XCTAssertTrue(board.body.string.contains("已于2026年11月30日抽取抽评对象，不能重新抽取"))
            XCTAssertTrue(board.body.string.contains("2026年11月30日已随机抽取 \(sampled) 个对象，已抽评 0 个"))
            XCTAssertFalse(board.body.string.contains("随机抽取抽评对象</button>"), "no second draw offered")
            let audits = try await AuditEvent.query(on: app.db).filter(\.$summary ~~ "抽取市级抽评对象").count()
            XCTAssertEqual(audits, 1)
        }
    }

    func testTheCityRescoresADrawnTargetAndEveryTiersScoreIsKept() async throws {
        try await withApp(history: false) { app in
            let (campaign, targets) = try await assessment(app, percent: "100")
            let target = targets[0]
            let t = "/campaign-targets/\(target.id!)"
            let office = Principal(try await app.user("office"))
            try await CampaignWork.saveRating(
                target, tier: .selfAssessment, userID: 0, answers: ["1.1": .yes], submit: false, by: office,
                at: TestClock.now, on: app.db)
            // The notice sent and the 自评 handed in: its score is kept then.
            for (action, actor) in [
                (CampaignAction.sendNotice, CampaignActor.office), (.submitSelfAssessment, .target),
            ] {
                let current = try await CampaignTarget.find(target.id, on: app.db)!
                try await CampaignProcedureStep.take(
                    action, target: current, campaign: campaign, actor: actor, text: "", problems: [], by: office,
                    at: TestClock.now, on: app.db)
            }
            try await CampaignWork.saveRating(
                target, tier: .team, userID: 0, answers: ["1.1": .no], submit: true, by: office, at: TestClock.now,
                on: app.db)
            try await countyScores(app, targets, total: 90)
            let city = try await login(app, "city")
            try await city.get("/campaigns/\(campaign.id!)")
            _ = try await city.post("/campaigns/\(campaign.id!)/recheck", form: [])

            // Only the city's office re-scores.
            let districtOffice = try await login(app, "office")
            let byDistrict = try await districtOffice.get("\(t)/recheck")
            let inspector = try await login(app, "inspector")
            let byInspector = try await inspector.get("\(t)/recheck")
            XCTAssertEqual(byDistrict.status, .forbidden)
            XCTAssertEqual(byInspector.status, .forbidden)

            let page = try await city.get(t)
            XCTAssertTrue(page.body.string.contains("已抽中，待市级督导室抽评"))
            XCTAssertTrue(page.body.string.contains("填写市级抽评"))
            let form = try await city.get("\(t)/recheck")
            XCTAssertEqual(form.status, .ok)
            XCTAssertTrue(form.body.string.contains("区（县）复评：否（0 分）"), "the county's answer beside the item")

            let answers = try await allMet(app)
            let incomplete = try await city.post("\(t)/recheck", form: [("a_1.1", "yes"), ("submit", "1")])
            XCTAssertEqual(incomplete.status, .unprocessableEntity)
            XCTAssertTrue(incomplete.body.string.contains("市级抽评还有 \(answers.count - 1) 项未填写"))
            let unsaved = try await CampaignTarget.find(target.id, on: app.db)
            XCTAssertNil(unsaved?.recheckTotal, "nothing half-saved")

            let submitted = try await city.post("\(t)/recheck", form: answers + [("submit", "1")])
            let resent = try await city.post("\(t)/recheck", form: answers + [("submit", "1")])

            XCTAssertEqual(submitted.status, .seeOther)
            XCTAssertEqual(submitted.headers.first(name: .location), t)
            XCTAssertEqual(resent.status, .conflict)
            XCTAssertTrue(resent.body.string.contains("市级抽评已提交，不能再修改"))
            let system = try await openingVersion(app).system()
            let (expected, _) = RatingInput.parse(system, fields: Dictionary(uniqueKeysWithValues: answers))
            let full = ScoringEngine.score(system, answers: expected, schoolType: target.schoolType).total
            let kept = try await CampaignTarget.find(target.id, on: app.db)!
            XCTAssertEqual(kept.recheckTotal ?? -1, full, accuracy: 1e-9)
            XCTAssertEqual(kept.total, 90, "the county's score stays")
            let ownScore = ScoringEngine.score(system, answers: ["1.1": .yes], schoolType: target.schoolType).total
            XCTAssertEqual(kept.selfTotal ?? -1, ownScore, accuracy: 1e-9, "the 自评's score kept when handed in")
            let ratings = try await CampaignRating.all(targetID: target.id!, on: app.db)
            XCTAssertEqual(ratings.map(\.tier), [.selfAssessment, .team, .recheck], "every tier kept")
            XCTAssertEqual(ratings[0].answers, ["1.1": .yes])

            let delta = Score.text(full - 90)
            let afterwards = try await city.get(t)
            XCTAssertTrue(afterwards.body.string.contains("较区（县）复评高 \(delta) 分"))
            XCTAssertFalse(afterwards.body.string.contains("填写市级抽评</a>"), "handed in: no more re-scoring")
            let results = try await districtOffice.get("/campaigns/\(campaign.id!)/results")
            XCTAssertTrue(results.body.string.contains("抽评差异"))
            XCTAssertTrue(results.body.string.contains("+\(delta)"))
            XCTAssertTrue(results.body.string.contains(">自评<"), "the 自评's score beside the county's and the city's")
            XCTAssertTrue(afterwards.body.string.contains("自评得分"))
            XCTAssertTrue(afterwards.body.string.contains(Score.text(ownScore)))
            // The API gives the city its districts' campaigns and every tier's score of the results.
            let token = try await apiToken(app, "city")
            let campaigns = try await apiGet(app, "/api/v1/campaigns", token: token)
            let api = try await apiGet(app, "/api/v1/campaigns/\(campaign.id!)/results?per=200", token: token)
            XCTAssertTrue(campaigns.body.string.contains(#""recheckPercent":100"#))
            let items = try JSONSerialization.jsonObject(with: Data(api.body.string.utf8)) as? [String: Any]
            let first = (items?["items"] as? [[String: Any]])?.first { $0["id"] as? Int == target.id! }
            XCTAssertEqual(first?["recheck"] as? Bool, true)
            XCTAssertEqual(first?["recheckTotal"] as? Double ?? -1, full, accuracy: 1e-9)
            XCTAssertEqual(first?["total"] as? Double, 90)
            let school = try await login(app, "school")
            let own = try await school.get("/campaign-targets/\(targets.first { $0.schoolID == 1 }?.id ?? target.id!)")
            XCTAssertEqual(own.status, .ok)
        }
    }

    func testATargetOutsideTheSampleIsNotRescoredAndNoneBeforeTheCountyScore() async throws {
        try await withApp(history: false) { app in
            let (campaign, targets) = try await assessment(app, percent: "50")
            let city = try await login(app, "city")
            let drawnBeforeScore = targets[0]
            drawnBeforeScore.recheck = true
            try await drawnBeforeScore.save(on: app.db)
            try await city.get("/campaigns/\(campaign.id!)")

            let notScored = try await city.get("/campaign-targets/\(drawnBeforeScore.id!)/recheck")
            let outside = try await city.post(
                "/campaign-targets/\(targets[1].id!)/recheck", form: [("a_1.1", "yes"), ("submit", "1")])

            XCTAssertEqual(notScored.status, .conflict)
            XCTAssertTrue(notScored.body.string.contains("区（县）复评确定后才能进行市级抽评"))
            XCTAssertEqual(outside.status, .conflict)
            XCTAssertTrue(outside.body.string.contains("该对象不在市级抽评样本中"))
            let stored = try await CampaignRating.query(on: app.db).filter(\.$tier == .recheck).count()
            XCTAssertEqual(stored, 0)
        }
    }

    func testTheCityReadsTheDistrictsProcedureButDoesNotRunIt() async throws {
        try await withApp(history: false) { app in
            let (campaign, targets) = try await assessment(app, percent: "50")
            let t = "/campaign-targets/\(targets[0].id!)"
            let city = try await login(app, "city")

            let page = try await city.get(t)
            let notice = try await city.post("\(t)/act", form: [("action", "sendNotice")])
            let team = try await city.get("\(t)/members")
            let results = try await city.get("/campaigns/\(campaign.id!)/results")
            let publish = try await city.post("/campaigns/\(campaign.id!)/publish", form: [])

            XCTAssertEqual(page.status, .ok)
            XCTAssertFalse(page.body.string.contains("发出书面通知</button>"), "no step offered to the city")
            XCTAssertFalse(page.body.string.contains("调整督导组"))
            XCTAssertEqual(notice.status, .forbidden)
            XCTAssertEqual(team.status, .forbidden)
            XCTAssertEqual(results.status, .ok)
            XCTAssertFalse(results.body.string.contains("通报结果</button>"), "the district publishes its results")
            XCTAssertEqual(publish.status, .forbidden)
            let list = try await city.get("/campaigns")
            let newForm = try await city.get("/campaigns/new")
            let rules = try await city.get("/campaigns/rules")
            XCTAssertFalse(list.body.string.contains("发布督导任务</a>"), "the city starts no district's campaign")
            XCTAssertFalse(list.body.string.contains("督导程序设置"))
            XCTAssertEqual(newForm.status, .forbidden)
            XCTAssertEqual(rules.status, .forbidden)
            let phase = try await CampaignTarget.find(targets[0].id, on: app.db)?.phase
            XCTAssertEqual(phase, .notice)
        }
    }
}
