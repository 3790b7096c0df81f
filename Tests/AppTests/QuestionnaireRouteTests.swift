import DudaoCore
import Fluent
import XCTVapor

@testable import App

/// 问卷: the office adds one to a campaign; parents answer anonymously through a target's link, once per device,
/// until it closes; a wrong key finds nothing; the share of satisfied parents pre-fills the team's 问卷 item.
final class QuestionnaireRouteTests: XCTestCase {
    func testParentsAnswerAnonymouslyOncePerDeviceAndTheShareFeedsTheTeamRating() async throws {
        try await withApp(history: false) { app in
            let district = try await app.demoDistrict()
            let template = try await IndicatorTemplate.query(on: app.db).filter(\.$districtID == district.id!)
                .filter(\.$builtInKey == "02-wuxiang-shuangjian").first()!
            let version = try await IndicatorVersion.all(templateID: template.id!, on: app.db).first!
            let lead = try await app.user("inspector")
            let school = try await app.school(1)
            let office = try await login(app, "office")
            try await office.get("/campaigns/new")
            _ = try await office.post(
                "/campaigns",
                form: [
                    ("title", "双减专项督导"), ("kind", "special"), ("version", String(version.id!)),
                    ("startsOn", "2026-11-01"), ("endsOn", "2026-12-31"), ("targetKind", "school"),
                    ("lead", String(lead.id!)), ("townships[]", String(school.townshipID)),
                ])
            let campaign = try await Campaign.query(on: app.db).first()!
            let target = try await CampaignTarget.query(on: app.db).filter(\.$schoolID == school.id!).first()!
            let system = try version.system()
            let item = system.leaves.first { if case .questionnaire = $0.form { true } else { false } }!
            guard case .questionnaire(_, let key, let positive, _)? = item.form else { return XCTFail() }

            try await office.get("/campaigns/\(campaign.id!)/questionnaires")
            let refused = try await office.post(
                "/campaigns/\(campaign.id!)/questionnaires",
                form: [("title", "家长问卷"), ("audience", "parents"), ("closesOn", "2026-12-20"), ("questions", "判断｜对吗")])
            XCTAssertEqual(refused.status, .unprocessableEntity)
            XCTAssertTrue(refused.body.string.contains("第1行应写成"))
            let created = try await office.post(
                "/campaigns/\(campaign.id!)/questionnaires",
                form: [
                    ("title", "家长问卷"), ("audience", "parents"), ("closesOn", "2026-12-20"),
                    ("questions", "单选｜\(key)｜\(positive.joined(separator: "/"))/不满意\n填空｜建议"),
                ])
            XCTAssertEqual(created.status, .seeOther)
            let q = try await QuestionnaireRecord.query(on: app.db).first()!
            let link = SiteURL.questionnaireAnswer(q.id!, target.id!).with([("k", q.key(target: target.id!))])

            // Three parents on three devices; the first tries twice.
            var parents: [TestSession] = []
            for choice in [positive[0], positive[0], "不满意"] {
                let parent = TestSession(app: app)
                let page = try await parent.get(link)
                XCTAssertTrue(page.body.string.contains("本问卷匿名填写"))
                let sent = try await parent.post(link, form: [("Q1", choice)])
                XCTAssertTrue(sent.body.string.contains("提交成功"))
                parents.append(parent)
            }
            let again = try await parents[0].post(link, form: [("Q1", "不满意")])
            XCTAssertTrue(again.body.string.contains("本设备已提交过这份问卷"))
            let empty = try await parents[1].post(link, form: [])
            XCTAssertEqual(empty.status, .unprocessableEntity)
            let forged = try await TestSession(app: app).get(
                SiteURL.questionnaireAnswer(q.id!, target.id!).with([("k", "0000")]))
            XCTAssertEqual(forged.status, .notFound)
            let answers = try await QuestionnaireAnswer.query(on: app.db).all()
            XCTAssertEqual(answers.count, 3)
            XCTAssertFalse(answers[0].answersJSON.contains("127.0.0.1"), "nothing about the respondent is stored")

            let tally = try await office.get(
                "/campaigns/\(campaign.id!)/questionnaires?q=\(q.id!)&target=\(target.id!)")
            XCTAssertTrue(tally.body.string.contains("3 份答卷"))
            let inspector = try await login(app, "inspector")
            let team = try await inspector.get("/campaign-targets/\(target.id!)/team")
            let share = RatingInput.text(.share(2.0 / 3.0))
            XCTAssertTrue(team.body.string.contains(#"name="a_\#(item.code)" value="\#(share)""#), "2 of 3 satisfied")

            // The answers per target as a file: every target of the campaign, the tally's counts per option.
            let sheet = try await office.exportRows("/campaigns/\(campaign.id!)/questionnaires.csv?q=\(q.id!)")
            let targets = try await CampaignTarget.query(on: app.db).filter(\.$campaignID == campaign.id!).all()
            XCTAssertEqual(sheet.count - 1, targets.count)
            XCTAssertEqual(
                sheet[0], ["对象", "答卷数"] + (positive + ["不满意"]).map { "Q1 \(key)：\($0)" }, "填空 is read on the page")
            let row = try XCTUnwrap(sheet.first { $0[0] == target.name })
            XCTAssertEqual(row[1], "3")
            XCTAssertEqual(row[2], "2", "two chose the first satisfied answer")
            XCTAssertEqual(row.last, "1")
            // The progress board and the list as files: the office every target, a school only its own.
            let board = try await office.exportRows("/campaigns/\(campaign.id!)/progress.xlsx")
            XCTAssertEqual(Set(board.dropFirst().map { $0[0] }), Set(targets.map(\.name)))
            let schoolSession = try await login(app, "school")
            let own = try await schoolSession.exportRows("/campaigns/\(campaign.id!)/progress.csv")
            XCTAssertEqual(own.dropFirst().map { $0[0] }, [target.name])
            let list = try await schoolSession.exportRows("/campaigns/export.csv")
            XCTAssertEqual(list.dropFirst().map { Array($0.prefix(2)) }, [["双减专项督导", CampaignKind.special.label]])
        }
    }

    func testAQuestionnaireClosesAfterItsDate() async throws {
        try await withApp(history: false) { app in
            let district = try await app.demoDistrict()
            let template = try await IndicatorTemplate.query(on: app.db).filter(\.$districtID == district.id!).first()!
            let version = try await IndicatorVersion.all(templateID: template.id!, on: app.db).first!
            let lead = try await app.user("inspector")
            let office = try await login(app, "office")
            try await office.get("/campaigns/new")
            _ = try await office.post(
                "/campaigns",
                form: [
                    ("title", "开学督导"), ("kind", "opening"), ("version", String(version.id!)),
                    ("startsOn", "2026-09-01"), ("endsOn", "2026-09-30"), ("targetKind", "school"),
                    ("lead", String(lead.id!)), ("townships[]", String(try await app.school(1).townshipID)),
                ])
            let campaign = try await Campaign.query(on: app.db).first()!
            try await office.get("/campaigns/\(campaign.id!)/questionnaires")
            _ = try await office.post(
                "/campaigns/\(campaign.id!)/questionnaires",
                form: [
                    ("title", "学生问卷"), ("audience", "students"), ("closesOn", "2026-09-30"), ("questions", "量表｜总体满意度"),
                ])
            let q = try await QuestionnaireRecord.query(on: app.db).first()!
            let target = try await CampaignTarget.query(on: app.db).first()!
            let link = SiteURL.questionnaireAnswer(q.id!, target.id!).with([("k", q.key(target: target.id!))])

            let student = TestSession(app: app)
            let page = try await student.get(link)
            try await student.get("/login")  // the closed page has no form: take the session's token from another
            let sent = try await student.post(link, form: [("Q1", "满意")])

            XCTAssertTrue(page.body.string.contains("问卷已截止"), "TestClock is in November")
            XCTAssertTrue(sent.body.string.contains("问卷已截止"))
            let count = try await QuestionnaireAnswer.query(on: app.db).count()
            XCTAssertEqual(count, 0)
        }
    }
}
