import DudaoCore
import Fluent
import XCTVapor

@testable import App

/// What a campaign keeps and shows beyond the procedure: remarks per item, evidence per item, indicator-level
/// scores, ratings sent again from a phone's outbox, the district's phase list and 申辩 window, publishing results
/// (通报) to the targets and the public, the heat map and the comparison with the previous campaign.
final class CampaignResultsRouteTests: XCTestCase {
    /// A comprehensive campaign over school 1's township with the whole team; returns school 1's target.
    func comprehensive(_ app: Application, _ team: Team) async throws -> CampaignTarget {
        let school = try await app.school(1)
        let office = try await login(app, "office")
        try await office.get("/campaigns/new")
        let created = try await office.post(
            "/campaigns",
            form: campaignForm(
                try await openingVersion(app), team, members: [team.second, team.third], township: school.townshipID))
        guard created.status == .seeOther else { throw TestSetupError("campaign not created: \(created.status)") }
        return try await CampaignTarget.query(on: app.db).filter(\.$schoolID == school.id!).first()!
    }

    /// The ranking reads the first-level indicators alone from a target's stored node scores.
    func testTheRankingReadsTheAskedNodesOfTheStoredScores() throws {
        let stored =
            #"{"1":{"ratio":0.5,"available":10},"1.1":{"ratio":1,"available":5},"2":{"ratio":null,"available":0}}"#

        let picked = NodeResult.results(of: ["1", "2", "3"], in: stored)

        XCTAssertEqual(picked, ["1": NodeResult(ratio: 0.5, available: 10), "2": NodeResult(ratio: nil, available: 0)])
        XCTAssertEqual(NodeResult.results(of: ["1"], in: "not json"), [:])
        XCTAssertEqual(NodeResult.results(of: [], in: stored), [:])
    }

    func testEvidenceIsUploadedPerItemByTheRightPeopleAtTheRightTime() async throws {
        try await withApp(history: false) { app in
            let target = try await comprehensive(app, try await team(app))
            let t = "/campaign-targets/\(target.id!)"
            let school = try await login(app, "school")
            let page = try await school.get("\(t)/evidence")
            let pdf = UploadPart(
                field: "files[]", fileName: "收费公示.pdf", contentType: "application/pdf", data: Data("%PDF-1.4 x".utf8))

            let wrongKind = try await school.postMultipart("\(t)/evidence", fields: [("item", "8.1")], files: [pdf])
            let noItem = try await school.postMultipart("\(t)/evidence", fields: [("item", "9.9.9")], files: [.png()])
            let saved = try await school.postMultipart("\(t)/evidence", fields: [("item", "8.1")], files: [.png()])
            let leader = try await login(app, "leader")
            try await leader.get(t)
            let byLeader = try await leader.postMultipart("\(t)/evidence", fields: [("item", "8.1")], files: [.png()])
            let member = try await login(app, "inspector2")
            try await member.get(t)
            let tooEarly = try await member.postMultipart("\(t)/evidence", fields: [("item", "8.1")], files: [.png()])

            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(page.body.string.contains("要求上传材料的 3 项中，还有 3 项不足"))
            XCTAssertEqual(wrongKind.status, .unprocessableEntity)
            XCTAssertTrue(wrongKind.body.string.contains("“收费公示.pdf”不是该项要求的材料类型（jpg/png）"))
            XCTAssertEqual(noItem.status, .unprocessableEntity)
            XCTAssertTrue(noItem.body.string.contains("请选择要上传材料的指标"))
            XCTAssertEqual(saved.status, .seeOther)
            XCTAssertEqual(byLeader.status, .forbidden)
            XCTAssertEqual(tooEarly.status, .conflict, "the team uploads during the site visit")
            let files = try await CampaignEvidence.query(on: app.db).filter(\.$targetID == target.id!).all()
            XCTAssertEqual(files.map(\.itemCode), ["8.1"], "a refused upload keeps nothing")
            let again = try await school.get("\(t)/evidence")
            XCTAssertTrue(again.body.string.contains("还有 2 项不足：4.1、9.3"))
            let download = try await member.get("\(t)/evidence/\(files[0].hash)")
            XCTAssertEqual(download.status, .ok)
            XCTAssertEqual(download.headers.first(name: .contentType), "image/png")
        }
    }

    func testRemarksAndIndicatorScoresReachTheTargetAndAResentRatingSavesOnce() async throws {
        try await withApp(history: false) { app in
            let team = try await team(app)
            let target = try await comprehensive(app, team)
            let t = "/campaign-targets/\(target.id!)"
            target.phase = .onSite
            try await target.save(on: app.db)
            let lead = try await login(app, "inspector")
            let form = try await lead.get("\(t)/rate")
            XCTAssertTrue(form.body.string.contains(#"data-outbox="\#(t)/rate""#), "the rating page keeps an outbox")

            // The phone sends the same saved form twice (the answer was lost on the way back): it counts once.
            let fields = [("a_1.2", "1"), ("c_1.2", "东门消防通道堆放杂物")]
            let key = "k-0123456789abcdef-0001"
            let first = try await lead.post("\(t)/rate", form: fields, headers: [("X-Once", key)])
            let resent = try await lead.post("\(t)/rate", form: fields, headers: [("X-Once", key)])
            let tooLong = try await lead.post("\(t)/rate", form: [("c_1.1", String(repeating: "长", count: 501))])

            XCTAssertEqual(first.status, .seeOther)
            XCTAssertEqual(first.headers.first(name: .location), "\(t)/rate", "保存 stays on the form")
            XCTAssertEqual(resent.headers.first(name: .location), "\(t)/rate")
            let saves = try await AuditEvent.query(on: app.db).filter(\.$entity == "campaign_target")
                .filter(\.$summary ~~ "保存组员评分").count()
            XCTAssertEqual(saves, 1)
            XCTAssertEqual(tooLong.status, .unprocessableEntity)
            XCTAssertTrue(tooLong.body.string.contains("1.1：说明不超过 500 字（现有 501 字）"))

            // The team's form starts from the members' remarks, under their names; the fixed score keeps each
            // indicator's points, and the school reads them with the team's remarks.
            let teamForm = try await lead.get("\(t)/team")
            XCTAssertTrue(teamForm.body.string.contains("王建华：东门消防通道堆放杂物"))
            var answers: [(String, String)] = []
            for leaf in try await openingVersion(app).system().leaves {
                if case .yesNo? = leaf.form { answers.append(("a_\(leaf.code)", "yes")) }
                if case .deduction? = leaf.form { answers.append(("a_\(leaf.code)", leaf.code == "1.2" ? "1" : "0")) }
            }
            _ = try await lead.post("\(t)/team", form: answers + [("c_1.2", "消防通道堵塞，扣1分"), ("submit", "1")])
            let fixed = try await lead.post("\(t)/act", form: [("action", "fixTeamScore")])
            XCTAssertEqual(fixed.status, .seeOther)
            let scored = try await CampaignTarget.find(target.id, on: app.db)!
            XCTAssertEqual(scored.nodeScores["1.2"]?.earned ?? -1, 3, accuracy: 1e-9)
            XCTAssertEqual(scored.nodeScores["1.2"]?.available ?? -1, 4, accuracy: 1e-9)
            let school = try await login(app, "school")
            let own = try await school.get(t)
            XCTAssertTrue(own.body.string.contains("分项得分"))
            XCTAssertTrue(own.body.string.contains("消防通道堵塞，扣1分"))
            XCTAssertFalse(own.body.string.contains("王建华：东门"), "a school reads the team's remark, not a member's")
        }
    }

    /// Each kind's phases ticked as the statutory defaults, with `special` replaced.
    func rulesForm(appealDays: String, special: [CampaignPhase]) -> [(String, String)] {
        var form = [("appealDays", appealDays)]
        for kind in CampaignKind.allCases {
            let phases = kind == .special ? special : kind.defaultPhases
            form += phases.map { (CampaignRules.field(kind) + "[]", $0.rawValue) }
        }
        return form
    }

    func testTheDistrictSetsThePhasesAndTheAppealWindowInWorkingDays() async throws {
        try await withApp(history: false) { app in
            let team = try await team(app)
            let office = try await login(app, "office")
            try await office.get("/campaigns/rules")
            let noVisit = try await office.post(
                "/campaigns/rules", form: rulesForm(appealDays: "2", special: [.preliminary, .opinion]))
            let badDays = try await office.post(
                "/campaigns/rules", form: rulesForm(appealDays: "99999999999999999999", special: [.onSite]))
            let saved = try await office.post(
                "/campaigns/rules",
                form: rulesForm(appealDays: "2", special: [.onSite, .preliminary, .appeal, .opinion]))
            XCTAssertEqual(noVisit.status, .unprocessableEntity)
            XCTAssertTrue(noVisit.body.string.contains("专项督导必须包含「实地督导」环节"))
            XCTAssertEqual(badDays.status, .unprocessableEntity)
            XCTAssertTrue(badDays.body.string.contains("申辩期请填写 1–30 个工作日"))
            XCTAssertEqual(saved.status, .seeOther)

            try await office.get("/campaigns/new")
            _ = try await office.post(
                "/campaigns",
                form: campaignForm(
                    try await openingVersion(app), team, members: [], township: try await app.school(1).townshipID,
                    kind: "special"))
            let target = try await CampaignTarget.query(on: app.db).filter(\.$schoolID == (try await app.school(1)).id!)
                .first()!
            let campaign = try await Campaign.find(target.campaignID, on: app.db)!
            XCTAssertEqual(campaign.phases, [.onSite, .preliminary, .appeal, .opinion])

            // Delivered on Monday 30 November: two working days run to Wednesday 2 December.
            target.phase = .preliminary
            try await target.save(on: app.db)
            let t = "/campaign-targets/\(target.id!)"
            let lead = try await login(app, "inspector")
            try await lead.get(t)
            _ = try await lead.post("\(t)/act", form: [("action", "issuePreliminary"), ("text", "总体达标。")])
            let open = try await CampaignTarget.find(target.id, on: app.db)!
            XCTAssertEqual(open.appealDue, "2026-12-02")
            let school = try await login(app, "school")
            let page = try await school.get(t)
            XCTAssertTrue(page.body.string.contains("2026年12月2日"))
            // Days later the session has lapsed: the school signs in again each time.
            app.clock = .fixed(Day(year: 2026, month: 12, day: 3)!.date(hour: 9))
            let thursday = try await login(app, "school")
            try await thursday.get(t)
            let late = try await thursday.post("\(t)/act", form: [("action", "submitAppeal"), ("text", "有异议。")])
            app.clock = .fixed(Day(year: 2026, month: 12, day: 2)!.date(hour: 17))
            let wednesday = try await login(app, "school")
            try await wednesday.get(t)
            let inTime = try await wednesday.post("\(t)/act", form: [("action", "submitAppeal"), ("text", "有异议。")])

            XCTAssertEqual(late.status, .unprocessableEntity)
            XCTAssertTrue(late.body.string.contains("申辩期已于2026年12月2日届满，不能再提出申辩"))
            XCTAssertEqual(inTime.status, .seeOther)
            let appealed = try await CampaignTarget.find(target.id, on: app.db)!
            XCTAssertEqual(appealed.appeal, "有异议。")
        }
    }

    func testResultsArePublishedToTheTargetsThenThePublicAndComparedWithTheLastCampaign() async throws {
        try await withApp(history: false) { app in
            let team = try await team(app)
            let before = try await scoredCampaign(app, team, title: "2025年秋季开学专项督导", totals: [80, 70, 90])
            let now = try await scoredCampaign(app, team, title: "2026年秋季开学专项督导", totals: [88, 95, 59])
            let office = try await login(app, "office")
            let school = try await login(app, "school")
            let leader = try await login(app, "leader")
            let r = "/campaigns/\(now.id!)"

            let results = try await office.get("\(r)/results")
            let unpublished = try await school.get("\(r)/bulletin")
            try await leader.get("\(r)/results")
            let byLeader = try await leader.post("\(r)/publish", form: [("public", "on")])
            let toTargets = try await office.post("\(r)/publish")
            let published = try await school.get("\(r)/bulletin")
            let notPublic = try await app.sendRequest(.GET, "/public/results/\(now.id!)")
            _ = try await office.post("\(r)/publish", form: [("public", "on")])
            let publicPage = try await app.sendRequest(.GET, "/public/results/\(now.id!)")
            let publicHome = try await app.sendRequest(.GET, "/public")

            XCTAssertTrue(results.body.string.contains("与上次「\(before.title)」相比：平均分 80 → 80.67（+0.67）"))
            XCTAssertTrue(results.body.string.contains(">+25<"), "95 against the same school's 70 last time")
            XCTAssertTrue(results.body.string.contains(">−31<"))
            XCTAssertTrue(results.body.string.contains(#"<svg class="chart heat""#))
            XCTAssertTrue(
                results.body.string.contains(#"fill="\#(HeatScale.Step.failing.fill)""#), "59 % is shaded as failing")
            XCTAssertEqual(unpublished.status, .notFound)
            XCTAssertEqual(byLeader.status, .forbidden)
            XCTAssertEqual(toTargets.status, .seeOther)
            XCTAssertEqual(published.status, .ok)
            XCTAssertTrue(published.body.string.contains("结果通报"))
            XCTAssertFalse(published.body.string.contains("/campaign-targets/"), "no links into other schools' records")
            XCTAssertEqual(notPublic.status, .notFound)
            XCTAssertEqual(publicPage.status, .ok)
            XCTAssertTrue(publicHome.body.string.contains("2026年秋季开学专项督导"))
            XCTAssertFalse(publicHome.body.string.contains("2025年秋季开学专项督导"))
        }
    }

    func testAnAnnualAssessmentTakesTheSchoolsOpeningResultsOfTheYear() async throws {
        try await withApp(history: false) { app in
            let team = try await team(app)
            let opening = try await scoredCampaign(app, team, title: "2026年春季开学专项督导", totals: [90, 70, 80])
            let school = try await app.school(1)
            let ours = try await CampaignTarget.query(on: app.db).filter(\.$campaignID == opening.id!)
                .filter(\.$schoolID == school.id!).first()!
            ours.total = 90
            try await ours.save(on: app.db)
            let district = try await app.demoDistrict()
            let annual = try await IndicatorTemplate.query(on: app.db).filter(\.$districtID == district.id!)
                .filter(\.$builtInKey == "06-xuexiao-niandu-kaohe").first()!
            let version = try await IndicatorVersion.all(templateID: annual.id!, on: app.db).first!
            let office = try await login(app, "office")
            try await office.get("/campaigns/new")
            let form = replacing(
                replacing(
                    campaignForm(version, team, members: [], township: school.townshipID, kind: "assessment"),
                    "title", with: "2026年度学校目标考核"), "version", with: String(version.id!))
            _ = try await office.post("/campaigns", form: form)
            let target = try await CampaignTarget.query(on: app.db).filter(\.$schoolID == school.id!)
                .filter(\.$campaignID != opening.id!).first()!

            let page = try await office.get("/campaign-targets/\(target.id!)/team")

            XCTAssertTrue(
                page.body.string.contains(#"name="a_6.6" value="90""#), "90 of 100 in the opening check: 90 %")
            XCTAssertTrue(page.body.string.contains("取本年度开学工作督导的督导组评分，按得分率折算"))
        }
    }

    func testRemindersGoOnceInTheLastDaysBeforeEachDeadline() async throws {
        try await withApp(history: false) { app in
            let target = try await comprehensive(app, try await team(app))
            let others = try await CampaignTarget.query(on: app.db).filter(\.$campaignID == target.campaignID).count()
            let early = try await CampaignReminderJob.run(on: app.db, today: Day(year: 2026, month: 12, day: 27)!)
            target.phase = .appeal
            target.appealDue = "2026-12-29"
            try await target.save(on: app.db)

            let first = try await CampaignReminderJob.run(on: app.db, today: Day(year: 2026, month: 12, day: 28)!)
            let again = try await CampaignReminderJob.run(on: app.db, today: Day(year: 2026, month: 12, day: 28)!)

            XCTAssertEqual(early, 0, "four days before the end: nothing yet")
            let lead = try await app.user("inspector")
            let leadNotes = try await AppNotification.query(on: app.db).filter(\.$userID == lead.id!).all(\.$title)
            XCTAssertTrue(
                leadNotes.contains("督导任务「2026年秋季开学综合督导」将于2026年12月31日截止，您负责的 \(others) 个对象尚未完成"))
            let schoolUser = try await app.user("school")
            let schoolNotes = try await AppNotification.query(on: app.db).filter(\.$userID == schoolUser.id!)
                .all(\.$title)
            XCTAssertEqual(schoolNotes, ["「2026年秋季开学综合督导」的申辩期将于2026年12月29日届满，如有异议请在此之前提出申辩"])
            XCTAssertGreaterThan(first, 1)
            XCTAssertEqual(again, 0, "each reminder goes once")
        }
    }

    func testTheOfficeChangesOneTargetsTeamAndAnAddedMemberSeesOnlyThatTarget() async throws {
        try await withApp(history: false) { app in
            let team = try await team(app)
            let target = try await comprehensive(app, team)
            let other = try await CampaignTarget.query(on: app.db).filter(\.$campaignID == target.campaignID)
                .filter(\.$id != target.id!).first()!
            let district = try await app.demoDistrict()
            let outsider = User(
                username: "weijian", passwordHash: try Bcrypt.hash(DemoSeed.password, cost: 4), displayName: "卫健局 周敏",
                role: .inspector, org: district, mustChangePassword: false)
            try await outsider.save(on: app.db)
            let m = "/campaign-targets/\(target.id!)/members"
            let office = try await login(app, "office")
            try await office.get(m)

            let added = try await office.post(m, form: [("action", "add"), ("user", String(outsider.id!))])
            let twice = try await office.post(m, form: [("action", "add"), ("user", String(outsider.id!))])
            let lead = try await office.post(m, form: [("action", "remove"), ("user", String(team.lead.id!))])
            let newLead = try await office.post(m, form: [("action", "lead"), ("user", String(team.second.id!))])
            let leader = try await login(app, "leader")
            let byLeader = try await leader.get(m)

            XCTAssertEqual(added.status, .seeOther)
            XCTAssertEqual(twice.status, .unprocessableEntity)
            XCTAssertTrue(twice.body.string.contains("此人已在督导组中"))
            XCTAssertTrue(lead.body.string.contains("组长不能移出督导组，请先指定其他成员为组长"))
            XCTAssertEqual(newLead.status, .seeOther)
            let changed = try await CampaignTarget.find(target.id, on: app.db)
            XCTAssertEqual(changed?.leadUserID, team.second.id)
            XCTAssertEqual(byLeader.status, .forbidden)
            let visitor = try await login(app, "weijian")
            let own = try await visitor.get("/campaign-targets/\(target.id!)")
            let notOurs = try await visitor.get("/campaign-targets/\(other.id!)")
            XCTAssertEqual(own.status, .ok)
            XCTAssertEqual(notOurs.status, .notFound, "an outside member sees only the targets they joined")
        }
    }

    func testFixingOneTownshipMovesTheOthersRankPointsInOneBatchedWrite() async throws {
        try await withApp(history: false) { app in
            let team = try await team(app)
            let district = try await app.demoDistrict()
            let template = try await IndicatorTemplate.query(on: app.db).filter(\.$districtID == district.id!)
                .filter(\.$builtInKey == "07-zhenjie-jiaoyu-kaoping").first()!
            let version = try await IndicatorVersion.all(templateID: template.id!, on: app.db).first!
            let system = try version.system()
            let office = try await login(app, "office")
            try await office.get("/campaigns/new")
            var form = replacing(
                campaignForm(
                    version, team, members: [], township: try await app.school(1).townshipID, kind: "assessment"),
                "targetKind", with: "township")
            form.removeAll { $0.0 == "townships[]" }
            _ = try await office.post("/campaigns", form: form)
            let targets = try await CampaignTarget.query(on: app.db).sort(\.$id).all()
            let campaign = try await Campaign.find(targets[0].campaignID, on: app.db)!
            // The first township ranks below the second on every rank item; all else equal.
            func rate(_ t: CampaignTarget, _ value: Double) async throws {
                var answers = DemoCampaigns.marks(system, seed: 0, rater: 0)
                for leaf in system.leaves { if case .rank? = leaf.form { answers[leaf.code] = .value(value) } }
                try await CampaignWork.saveRating(
                    t, tier: .team, userID: 0, answers: answers, submit: true, by: Principal(team.lead),
                    at: TestClock.now, on: app.db)
            }

            try await rate(targets[0], 80)
            try await CampaignProcedureStep.score(targets[0], campaign: campaign, at: TestClock.now, on: app.db)
            try await targets[0].save(on: app.db)
            let alone = targets[0].total!
            try await rate(targets[1], 90)
            try await CampaignProcedureStep.score(targets[1], campaign: campaign, at: TestClock.now, on: app.db)
            try await targets[1].save(on: app.db)

            let first = try await CampaignTarget.find(targets[0].id, on: app.db)!
            XCTAssertEqual(
                targets[1].total! - first.total!, 10, accuracy: 1e-9, "five rank items, 10 against 8 points each")
            XCTAssertEqual(
                alone - first.total!, 10, accuracy: 1e-9, "the first township moved from first to second place")
            XCTAssertEqual(first.nodeScores["1.3"]?.earned ?? -1, 8, accuracy: 1e-9)
        }
    }
}
