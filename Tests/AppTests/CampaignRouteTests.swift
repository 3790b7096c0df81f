import DudaoCore
import Fluent
import Spreadsheet
import XCTVapor

@testable import App

/// 督导任务 end to end: the office starts a campaign; a school self-assesses; members rate; the lead sees their
/// disagreement and fixes the team's score; the preliminary opinion, the 申辩 and its answer, the 督导意见书 with
/// problems entering the rectification loop; who may do each step; who may see what.
final class CampaignRouteTests: XCTestCase {
    func testAComprehensiveSupervisionNeedsATeamOfThree() async throws {
        try await withApp(history: false) { app in
            let team = try await team(app)
            let version = try await openingVersion(app)
            let township = try await app.school(1).townshipID
            let office = try await login(app, "office")
            try await office.get("/campaigns/new")

            let refused = try await office.post(
                "/campaigns", form: campaignForm(version, team, members: [team.second], township: township))

            XCTAssertEqual(refused.status, .unprocessableEntity)
            XCTAssertTrue(refused.body.string.contains("综合督导的督导组不少于 3 人（含组长），现有 2 人"))
            XCTAssertTrue(refused.body.string.contains(#"value="2026年秋季开学综合督导""#))
            let count = try await Campaign.query(on: app.db).count()
            XCTAssertEqual(count, 0)
        }
    }

    func testOneSchoolGoesThroughTheWholeProcedure() async throws {
        try await withApp(history: false) { app in
            let team = try await team(app)
            let version = try await openingVersion(app)
            let school = try await app.school(1)
            let office = try await login(app, "office")
            try await office.get("/campaigns/new")

            let created = try await office.post(
                "/campaigns",
                form: campaignForm(version, team, members: [team.second, team.third], township: school.townshipID))
            XCTAssertEqual(created.status, .seeOther)
            let target = try await CampaignTarget.query(on: app.db).filter(\.$schoolID == school.id!).first()!
            let t = "/campaign-targets/\(target.id!)"
            let targets = try await CampaignTarget.query(on: app.db).count()
            XCTAssertGreaterThan(targets, 1, "every primary and junior school of the township")
            XCTAssertEqual(target.phase, .notice)

            try await office.get(t)
            let noticeSent = try await office.post("\(t)/act", form: [("action", "sendNotice")])
            XCTAssertEqual(noticeSent.status, .seeOther)

            // The school rates itself and hands it in.
            let schoolUser = try await login(app, "school")
            let notice = try await schoolUser.get("\(t)/notice")
            XCTAssertTrue(notice.body.string.contains("定于2026年11月1日至2026年12月31日对你单位进行综合督导"))
            XCTAssertTrue(notice.body.string.contains("请你单位对照督导指标体系开展自评"))
            try await schoolUser.get("\(t)/rate")
            let selfSaved = try await schoolUser.post(
                "\(t)/rate", form: [("a_1.1", "yes"), ("a_1.2", "0"), ("submit", "1")])
            XCTAssertEqual(selfSaved.status, .seeOther)
            let early = try await schoolUser.post("\(t)/act", form: [("action", "fixTeamScore")])
            XCTAssertEqual(early.status, .unprocessableEntity)
            XCTAssertTrue(early.body.string.contains("您不能确定督导组评分"))
            let selfSubmitted = try await schoolUser.post("\(t)/act", form: [("action", "submitSelfAssessment")])
            XCTAssertEqual(selfSubmitted.status, .seeOther)

            // Two members rate apart on 1.1; the lead sees it and fixes the team's answers.
            let lead = try await login(app, "inspector")
            let second = try await login(app, "inspector2")
            try await lead.get("\(t)/rate")
            try await second.get("\(t)/rate")
            let badNumber = try await second.post("\(t)/rate", form: [("a_1.2", "-3")])
            XCTAssertEqual(badNumber.status, .unprocessableEntity)
            XCTAssertTrue(badNumber.body.string.contains("1.2：发现处数应在 0–10000 之间"))
            XCTAssertTrue(badNumber.body.string.contains(#"value="-3""#))
            _ = try await lead.post("\(t)/rate", form: [("a_1.1", "yes"), ("a_1.2", "1"), ("submit", "1")])
            _ = try await second.post("\(t)/rate", form: [("a_1.1", "no"), ("a_1.2", "1"), ("submit", "1")])
            let teamPage = try await lead.get("\(t)/team")
            XCTAssertTrue(teamPage.body.string.contains("1 项分歧较大"))
            XCTAssertTrue(teamPage.body.string.contains("（分歧 3 分）"))
            let notLead = try await second.get("\(t)/team")
            XCTAssertEqual(notLead.status, .forbidden)
            _ = try await lead.post("\(t)/team", form: [("a_1.1", "yes")])
            let incomplete = try await lead.post("\(t)/act", form: [("action", "fixTeamScore")])
            XCTAssertTrue(incomplete.body.string.contains("督导组评分还有 \(version.leafCount - 1) 项未填写"))
            let answers = version.leafCount
            var fields: [(String, String)] = []
            for leaf in try version.system().leaves {
                switch leaf.form {
                case .yesNo?: fields.append(("a_\(leaf.code)", "yes"))
                case .deduction?: fields.append(("a_\(leaf.code)", "0"))
                default: break
                }
            }
            fields = replacing(fields, "a_1.2", with: "1")
            XCTAssertEqual(fields.count, answers)
            let teamSaved = try await lead.post("\(t)/team", form: fields + [("submit", "1")])
            XCTAssertEqual(teamSaved.status, .seeOther)
            let fixed = try await lead.post("\(t)/act", form: [("action", "fixTeamScore")])
            XCTAssertEqual(fixed.status, .seeOther)
            let scored = try await CampaignTarget.find(target.id, on: app.db)!
            XCTAssertEqual(scored.total!, 99, accuracy: 1e-9, "1.2 deducts 1 point for one finding")
            XCTAssertEqual(scored.grade, "优秀")

            // Preliminary opinion, the school's 申辩, the lead's answer.
            let noText = try await lead.post("\(t)/act", form: [("action", "issuePreliminary"), ("text", " ")])
            XCTAssertTrue(noText.body.string.contains("请填写初步意见"))
            _ = try await lead.post("\(t)/act", form: [("action", "issuePreliminary"), ("text", "开学工作总体到位，个别学生未报到。")])
            _ = try await schoolUser.get(t)
            _ = try await schoolUser.post("\(t)/act", form: [("action", "submitAppeal"), ("text", "该生已转学，附转学证明。")])
            _ = try await lead.post("\(t)/act", form: [("action", "closeAppeal"), ("text", "经核实转学属实，予以采纳。")])

            // The office issues the 督导意见书; its problems enter the rectification loop.
            let issued = try await office.post(
                "\(t)/act",
                form: [("action", "issueOpinion"), ("text", "请于30日内完成整改。"), ("problems", "控辍保学台账不全\n食堂留样记录缺失")])
            XCTAssertEqual(issued.status, .seeOther)
            let problems = try await Problem.query(on: app.db).filter(\.$campaignTargetID == target.id!).all()
            XCTAssertEqual(problems.count, 2)
            XCTAssertEqual(problems[0].schoolID, school.id)
            XCTAssertEqual(problems[0].state, .open)
            let opinion = try await office.get("\(t)/opinion")
            XCTAssertTrue(opinion.body.string.contains("督意〔2026〕1号"))
            XCTAssertTrue(opinion.body.string.contains("食堂留样记录缺失"))
            XCTAssertTrue(opinion.body.string.contains("该生已转学"))
            _ = try await office.post("\(t)/act", form: [("action", "closeRectification")])
            _ = try await office.post("\(t)/act", form: [("action", "fileReport")])
            let done = try await CampaignTarget.find(target.id, on: app.db)!
            XCTAssertNil(done.phase)
            let twice = try await office.post("\(t)/act", form: [("action", "fileReport")])
            XCTAssertTrue(twice.body.string.contains("该对象的督导已全部完成"))
            let audit = try await AuditEvent.query(on: app.db).filter(\.$entity == "campaign_target")
                .filter(\.$entityID == target.id!).count()
            XCTAssertGreaterThanOrEqual(audit, 12)
        }
    }

    func testEachAccountSeesOnlyItsOwnTargetsAndASchoolNotTheMembersMarks() async throws {
        try await withApp(history: false) { app in
            let team = try await team(app)
            let version = try await openingVersion(app)
            let school = try await app.school(1)
            let office = try await login(app, "office")
            try await office.get("/campaigns/new")
            _ = try await office.post(
                "/campaigns",
                form: campaignForm(version, team, members: [team.second], township: school.townshipID, kind: "special"))
            let ours = try await CampaignTarget.query(on: app.db).filter(\.$schoolID == school.id!).first()!
            let other = try await CampaignTarget.query(on: app.db).filter(\.$schoolID != school.id!).first()!
            let second = try await login(app, "inspector2")
            try await second.get("/campaign-targets/\(ours.id!)/rate")
            _ = try await second.post("/campaign-targets/\(ours.id!)/rate", form: [("a_1.1", "no")])

            let schoolUser = try await login(app, "school")
            let own = try await schoolUser.get("/campaign-targets/\(ours.id!)")
            let foreign = try await schoolUser.get("/campaign-targets/\(other.id!)")
            let schoolList = try await schoolUser.get("/campaigns")
            XCTAssertTrue(schoolList.body.string.contains(">0/1<"), "a school counts only its own target")
            let results = try await schoolUser.get("/campaigns/\(ours.campaignID)/results")
            let memberForm = try await schoolUser.get("/campaign-targets/\(ours.id!)/team")
            let outsider = try await login(app, "inspector3")
            let notOnTeam = try await outsider.get("/campaign-targets/\(ours.id!)")
            let list = try await outsider.get("/campaigns")
            let second2 = try await second.get("/campaign-targets/\(other.id!)")
            let school2 = try await Factory.secondDistrict(on: app.db)
            let office2 = try await login(app, "office2")
            let crossDistrict = try await office2.get("/campaign-targets/\(ours.id!)")
            let crossCampaign = try await office2.get("/campaigns/\(ours.campaignID)")
            _ = school2

            XCTAssertEqual(own.status, .ok)
            XCTAssertFalse(own.body.string.contains("组员评分"), "a school sees the team result, not each member marks")
            XCTAssertEqual(foreign.status, .notFound)
            XCTAssertEqual(results.status, .forbidden)
            XCTAssertEqual(memberForm.status, .forbidden)
            XCTAssertEqual(notOnTeam.status, .notFound)
            XCTAssertFalse(list.body.string.contains("2026年秋季开学综合督导"))
            XCTAssertEqual(second2.status, .ok, "a member reads every target of their team")
            XCTAssertEqual(crossDistrict.status, .notFound)
            XCTAssertEqual(crossCampaign.status, .notFound)
        }
    }

    func testTheRankingSharesPlacesAndExports() async throws {
        try await withApp(history: false) { app in
            let team = try await team(app)
            let version = try await openingVersion(app)
            let office = try await login(app, "office")
            try await office.get("/campaigns/new")
            _ = try await office.post(
                "/campaigns",
                form: campaignForm(
                    version, team, members: [], township: try await app.school(1).townshipID, kind: "special"))
            let targets = try await CampaignTarget.query(on: app.db).sort(\.$id).all()
            for (t, total) in zip(targets, [88.0, 95.0, 88.0]) {
                t.total = total
                t.grade = total >= 90 ? "优秀" : "良好"
                try await t.save(on: app.db)
            }

            let page = try await office.get("/campaigns/\(targets[0].campaignID)/results")
            let xlsx = try await office.get("/campaigns/\(targets[0].campaignID)/export.xlsx")

            XCTAssertEqual(page.status, .ok)
            let ranks = try XLSX.read(Data(buffer: xlsx.body)).rows.dropFirst().map { [$0[0], $0[2]] }
            XCTAssertEqual(Array(ranks.prefix(3)), [["1", "95"], ["2", "88"], ["2", "88"]])
            XCTAssertTrue(page.body.string.contains("优秀 1 个，良好 2 个"))
        }
    }
}
