import DudaoCore
import Fluent
import Foundation
import XCTVapor

@testable import App

/// 质量监测: the office creates a round (steps dated from the test day), draws or enters the sample, records
/// incidents and turns findings into problems the responsible inspector follows up; leaders read; another
/// district sees nothing; each step is reminded once.
final class MonitoringRouteTests: XCTestCase {
    func testTheOfficeRunsARound() async throws {
        try await withApp(history: false) { app in
            let office = try await login(app, "office")
            try await office.get("/monitoring")

            let noDay = try await office.post("/monitoring", form: [("year", "2027"), ("testDay", "")])
            let created = try await office.post("/monitoring", form: [("year", "2027"), ("testDay", "2027-04-20")])
            let twice = try await office.post("/monitoring", form: [("year", "2027"), ("testDay", "2027-04-21")])

            XCTAssertEqual(noDay.status, .unprocessableEntity)
            XCTAssertTrue(noDay.body.string.contains("请选择测试日"))
            XCTAssertEqual(created.status, .seeOther)
            XCTAssertEqual(twice.status, .unprocessableEntity)
            let round = try await MonitoringRound.query(on: app.db).filter(\.$year == 2027).first()!
            XCTAssertEqual(round.subjects, "数学、体育与健康、心理健康")
            let steps = try await MonitoringStep.query(on: app.db).filter(\.$roundID == round.id!).sort(\.$position)
                .all()
            XCTAssertEqual(steps.count, QualityMonitoring.steps(testDay: Day(year: 2027, month: 4, day: 20)!).count)
            XCTAssertEqual(steps[0].due, "2027-03-06")

            let act = "/monitoring/\(round.id!)/act"
            try await office.post(act, form: [("action", "draw")])
            let samples = try await MonitoringSample.query(on: app.db).filter(\.$roundID == round.id!).all()
            XCTAssertFalse(samples.isEmpty)
            XCTAssertLessThanOrEqual(samples.filter { $0.section == .primary }.count, 12)
            XCTAssertLessThanOrEqual(samples.filter { $0.section == .junior }.count, 8)
            let unknown = try await office.post(act, form: [("action", "addSample"), ("code", "0000000000")])
            XCTAssertEqual(unknown.status, .unprocessableEntity)
            try await office.post(act, form: [("action", "done"), ("step", String(steps[0].id!))])
            let done = try await MonitoringStep.find(steps[0].id!, on: app.db)
            XCTAssertEqual(done?.doneOn, TestClock.today.description)

            let sample = samples[0]
            try await office.post(
                act, form: [("action", "incident"), ("school", String(sample.schoolID)), ("text", "一名学生身体不适，已由校医处理")])
            let followUp = try await office.post(
                act,
                form: [("action", "followUp"), ("school", String(sample.schoolID)), ("text", "学生体质健康达标率偏低，制订体育锻炼改进方案")])
            XCTAssertEqual(followUp.status, .seeOther)
            let problem = try await Problem.query(on: app.db).filter(\.$schoolID == sample.schoolID)
                .filter(\.$category == "质量监测").first()
            let responsible = try await Assignment.current(on: app.db).filter(\.$schoolID == sample.schoolID).first()
            XCTAssertEqual(problem?.inspectorID, responsible?.inspectorID)
            XCTAssertEqual(problem?.state, .open)
            let page = try await office.get("/monitoring/\(round.id!)")
            XCTAssertTrue(page.body.string.contains("一名学生身体不适"))
            XCTAssertTrue(page.body.string.contains("制订体育锻炼改进方案"))

            // The round as a file: every step with its state, each sample school, the follow-up and the incident.
            let sheet = try await office.exportRows("/monitoring/\(round.id!)/export.csv")
            XCTAssertEqual(sheet[0].first, "环节")
            XCTAssertEqual(
                sheet[1], [steps[0].title, "2027-03-06", steps[0].owner, TestClock.today.description, "已完成", ""])
            let school = try await School.find(sample.schoolID, on: app.db)!
            XCTAssertTrue(
                sheet.contains {
                    $0.count == 4 && $0 == [school.name, sample.section.label, "学生体质健康达标率偏低，制订体育锻炼改进方案", "待整改"]
                })
            XCTAssertEqual(sheet.filter { $0.first == "样本校" }.count, 1)
            XCTAssertTrue(sheet.contains { $0.last == "一名学生身体不适，已由校医处理" })
            let schoolRows = sheet.drop { $0.first != "样本校" }.dropFirst().prefix { $0.count > 1 }
            XCTAssertEqual(Set(schoolRows.map { $0[0] }).count, samples.count, "every sample school")
            let list = try await office.exportRows("/monitoring/export.xlsx")
            XCTAssertEqual(list.dropFirst().map { Array($0.prefix(2)) }, [["2027", round.subjects]])
        }
    }

    func testTheOfficeAttachesAStepsDocumentsThatReadersDownloadAndAnotherDistrictCannot() async throws {
        try await withApp { app in
            let round = try await MonitoringRound.query(on: app.db).first()!
            let step = try await MonitoringStep.query(on: app.db).filter(\.$roundID == round.id!).sort(\.$position)
                .first()!
            let office = try await login(app, "office")
            try await office.get("/monitoring/\(round.id!)")
            let pdf = UploadPart(
                field: "files[]", fileName: "样本校名单.pdf", contentType: "application/pdf", data: Data("%PDF-1.4 名单".utf8))

            let noStep = try await office.postMultipart("/monitoring/\(round.id!)/files", fields: [], files: [pdf])
            let program = try await office.postMultipart(
                "/monitoring/\(round.id!)/files", fields: [("step", String(step.id!))],
                files: [
                    UploadPart(
                        field: "files[]", fileName: "名单.pdf", contentType: "application/pdf",
                        data: Data("MZ\u{90}".utf8))
                ])
            let saved = try await office.postMultipart(
                "/monitoring/\(round.id!)/files", fields: [("step", String(step.id!))], files: [pdf])

            XCTAssertEqual(noStep.status, .unprocessableEntity)
            XCTAssertTrue(noStep.body.string.contains("请选择材料所属的工作步骤"))
            XCTAssertEqual(program.status, .unprocessableEntity)
            XCTAssertTrue(program.body.string.contains("不是可接受的文件"))
            XCTAssertEqual(saved.status, .seeOther)
            let files = try await MonitoringStep.find(step.id!, on: app.db)!.storedFiles
            XCTAssertEqual(files.map(\.name), ["样本校名单.pdf"], "the refused uploads saved nothing")
            let audits = try await AuditEvent.query(on: app.db).filter(\.$entity == "monitoring_steps").count()
            XCTAssertEqual(audits, 1)
            let page = try await office.get("/monitoring/\(round.id!)")
            XCTAssertTrue(page.body.string.contains("/monitoring/\(round.id!)/files/\(files[0].hash)"))

            let leader = try await login(app, "leader")
            let download = try await leader.get("/monitoring/\(round.id!)/files/\(files[0].hash)")
            XCTAssertEqual(download.status, .ok)
            XCTAssertEqual(Data(buffer: download.body), Data("%PDF-1.4 名单".utf8))
            let leaderUpload = try await leader.postMultipart(
                "/monitoring/\(round.id!)/files", fields: [("step", String(step.id!))], files: [pdf])
            XCTAssertEqual(leaderUpload.status, .forbidden)

            _ = try await Factory.secondDistrict(on: app.db)
            let office2 = try await login(app, "office2")
            let other = try await office2.get("/monitoring/\(round.id!)/files/\(files[0].hash)")
            XCTAssertEqual(other.status, .notFound)
        }
    }

    func testLeadersReadAndAnotherDistrictSeesNothing() async throws {
        try await withApp { app in
            let round = try await MonitoringRound.query(on: app.db).first()!
            _ = try await Factory.secondDistrict(on: app.db)
            let leader = try await login(app, "leader")
            let far = try await login(app, "office2")
            try await leader.get("/")

            let read = try await leader.get("/monitoring/\(round.id!)")
            let change = try await leader.post("/monitoring/\(round.id!)/act", form: [("action", "draw")])
            let farRead = try await far.get("/monitoring/\(round.id!)")

            XCTAssertEqual(read.status, .ok)
            XCTAssertFalse(read.body.string.contains("标记完成"))
            XCTAssertEqual(change.status, .forbidden)
            XCTAssertEqual(farRead.status, .notFound)
        }
    }

    func testEachStepIsRemindedOnceBeforeItsDate() async throws {
        try await withApp { app in
            // The demo round's third step is due on 3 December; today is 30 November.
            let first = try await MonitoringReminderJob.run(on: app.db, today: TestClock.today)
            let again = try await MonitoringReminderJob.run(on: app.db, today: TestClock.today)

            XCTAssertGreaterThan(first, 0)
            XCTAssertEqual(again, 0)
            let office = try await User.query(on: app.db).filter(\.$username == "office").first()!
            let notes = try await AppNotification.query(on: app.db).filter(\.$userID == office.id!)
                .filter(\.$title =~ "质量监测").all()
            XCTAssertEqual(notes.count, 1)
        }
    }
}
