import DudaoCore
import Fluent
import XCTVapor

@testable import App

/// No form of the visit page loses what was typed (issue 10, item 1): each section's form, refused for one field,
/// comes back with that field's message and every other value as it was typed.
final class VisitInputKeptTests: XCTestCase {
    struct Case {
        let section: String
        let form: [(String, String)]
        /// The refused field's message.
        let message: String
        /// What the page must show again: pieces of markup for the typed values.
        let kept: [String]
    }

    static let cases: [Case] = [
        Case(
            section: "observations",
            form: [
                ("kind", "lesson"), ("className", "五（3）班"), ("subject", ""), ("teacher", "孙老师"), ("topic", "分数的意义"),
                ("comment", "板书清楚，练习分层。"), ("scores[教学目标]", "13"), ("scores[学生参与]", "21"),
            ],
            message: "请填写学科",
            kept: [#"value="五（3）班""#, #"value="孙老师""#, #"value="分数的意义""#, "板书清楚，练习分层。", #"value="13""#, #"value="21""#]),
        Case(
            section: "interviews",
            form: [("group", "teachers"), ("people", "两个"), ("notes", "教师反映课后服务排班紧。"), ("internalOnly", "on")],
            message: "人数",
            kept: [#"<option value="teachers" selected>"#, #"value="两个""#, "教师反映课后服务排班紧。", #"value="on" checked"#]),
        Case(
            section: "problems",
            form: [("category", "安全"), ("severity", "serious"), ("disposition", "refer"), ("description", "")],
            message: "请填写问题描述",
            kept: [
                #"<option value="安全" selected>"#, #"<option value="serious" selected>"#,
                #"<option value="refer" selected>"#,
            ]),
        Case(
            section: "checks",
            form: [
                ("documents[]", "作业布置与批改"), ("documents[]", "信息化教学"), ("documentNotes", "抽查作业本20本。"),
                ("band", "upperPrimary"), ("homeworkMinutes", "九十"), ("phones", "no"), ("firstLesson", "08:10"),
            ],
            message: "作业时长（分钟）应为0到300之间的数",
            kept: [
                #"value="作业布置与批改" checked"#, #"value="信息化教学" checked"#, "抽查作业本20本。", #"value="九十""#,
                #"<option value="no" selected>"#, #"value="08:10""#, #"<option value="upperPrimary" selected>"#,
            ]),
        Case(
            section: "basic",
            form: [
                ("date", "2026-13-45"), ("kind", "random"), ("start", "08:20"), ("summary", "随机查看课后服务。"),
                ("theme", "课后服务"),
            ],
            message: "请填写督导日期",
            kept: [#"value="2026-13-45""#, #"<option value="random" selected>"#, "随机查看课后服务。", #"value="课后服务""#]),
    ]

    func testEverySectionFormRefusedForOneFieldKeepsEveryOtherValue() async throws {
        try await withApp(history: false) { app in
            let inspector = try await login(app, "inspector")
            let id = try await inspector.createVisit(school: 1)
            for c in Self.cases {
                let path = c.section == "basic" ? "/visits/\(id)" : "/visits/\(id)/\(c.section)"

                let res = try await inspector.post(path, form: c.form)

                XCTAssertEqual(res.status, .unprocessableEntity, c.section)
                XCTAssertTrue(res.body.string.contains(c.message), "\(c.section): \(c.message)")
                for piece in c.kept {
                    XCTAssertTrue(res.body.string.contains(piece), "\(c.section) lost \(piece)")
                }
            }
            let saved = try await app.visit(id)
            XCTAssertEqual(saved.summary, "", "nothing of a refused form is saved")
            let observations = try await ClassObservation.query(on: app.db).filter(\.$visitID == id).count()
            XCTAssertEqual(observations, 0)
        }
    }

    func testARefusedCorrectionKeepsTheTypedTextWhileTheRecordShowsWhatIsSaved() async throws {
        try await withApp(history: false) { app in
            let inspector = try await login(app, "inspector")
            let id = try await inspector.recordSubmittedVisit(school: 1, summary: "原督导情况。")

            let res = try await inspector.post(
                "/visits/\(id)/amend", form: [("summary", "改写后的督导情况，补充了第二节课。"), ("reason", "")])

            XCTAssertEqual(res.status, .unprocessableEntity)
            XCTAssertTrue(res.body.string.contains("改写后的督导情况，补充了第二节课。"), "the correction as typed")
            XCTAssertTrue(res.body.string.contains("原督导情况。"), "the record as saved")
            let saved = try await app.visit(id).summary
            XCTAssertEqual(saved, "原督导情况。")
        }
    }
}
