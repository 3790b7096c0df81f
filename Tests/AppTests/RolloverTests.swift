import DudaoCore
import Fluent
import XCTVapor

@testable import App

/// 新学年挂牌调整: the office reviews a proposed table and carries every assignment into the new year at once.
final class RolloverTests: XCTestCase {
    static let start = Day(year: 2027, month: 9, day: 1)!

    /// 李秀英's term ends before the new year; 张志强 has retired (his schools still held, as after an import).
    static func prepare(_ app: Application) async throws -> (li: Inspector, zhang: Inspector) {
        // Everyone else is appointed beyond the new year.
        for i in try await Inspector.query(on: app.db).all() {
            i.termEnd = "2030-08-31"
            try await i.save(on: app.db)
        }
        let li = try await app.inspector(named: "李秀英")
        li.termEnd = "2027-08-31"
        try await li.save(on: app.db)
        let zhang = try await app.inspector(named: "张志强")
        zhang.status = .retired
        try await zhang.save(on: app.db)
        return (li, zhang)
    }

    static func form(_ model: Rollover, change: [Int: YearRollover.Action] = [:]) -> [(String, String)] {
        [("start", model.start.description)]
            + model.rows.map { ("rows[\($0.assignmentID)]", (change[$0.assignmentID] ?? $0.chosen).formValue) }
    }

    func testTheProposalMovesTheSchoolsOfThoseWhoCannotGoOnAndApplyingItIsOneAuditedStep() async throws {
        try await withApp(history: false) { app in
            let (li, zhang) = try await Self.prepare(app)
            let liSchools = try await Assignment.currentSchoolIDs(inspectorID: li.id!, on: app.db)
            let zhangSchools = try await Assignment.currentSchoolIDs(inspectorID: zhang.id!, on: app.db)
            let office = try await login(app, "office")
            let scope = Scope(principal: Principal(try await app.user("office")), assignedSchoolIDs: [])
            let model = Rollover.build(try await Rollover.facts(scope: scope, on: app.db), start: Self.start)

            let auditedBefore = try await AuditEvent.query(on: app.db).filter(\.$action == "assign").count()
            let page = try await office.get("/coverage/new-year?start=2027-09-01")
            let applied = try await office.post("/coverage/new-year", form: Self.form(model))
            let coverage = try await office.get("/coverage")
            let again = try await office.post("/coverage/new-year", form: Self.form(model))
            let coverageAgain = try await office.get("/coverage")

            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(page.body.string.contains("李秀英聘期至2027年8月31日结束，改由"))
            XCTAssertTrue(page.body.string.contains("张志强已离任，改由"))
            XCTAssertTrue(page.body.string.contains("调整后各督学负责学校数"))
            let changed = model.rows.filter { $0.chosen != .keep }
            let moved = changed.filter { $0.chosen != .end }
            XCTAssertEqual(Set(changed.map(\.schoolID)), Set(liSchools + zhangSchools))
            XCTAssertEqual(moved.count, 6, "each of the six inspectors with room takes one (district limit 5)")
            XCTAssertTrue(page.body.string.contains("没有可接任的督学（均已满5所），学校将无人负责"))
            XCTAssertEqual(applied.status, .seeOther)
            XCTAssertTrue(
                coverage.body.string.contains(
                    "已完成2027学年挂牌调整：保留\(model.rows.count - changed.count)所，改派\(moved.count)所，解除\(changed.count - moved.count)所"
                ))
            let stillLi = try await Assignment.currentSchoolIDs(inspectorID: li.id!, on: app.db)
            XCTAssertEqual(stillLi, [])
            for row in changed {
                let old = try await Assignment.find(row.assignmentID, on: app.db)
                XCTAssertEqual(old?.endDate, "2027-08-31")
                let new = try await Assignment.current(on: app.db).filter(\.$schoolID == row.schoolID).all()
                if case .move(let to) = row.chosen {
                    XCTAssertEqual(new.map(\.startDate), ["2027-09-01"])
                    XCTAssertEqual(new.map(\.inspectorID), [to])
                } else {
                    XCTAssertEqual(new.count, 0, "left uncovered, as the table said")
                }
            }
            let audited = try await AuditEvent.query(on: app.db).filter(\.$action == "assign").count()
            XCTAssertEqual(audited - auditedBefore, changed.count, "one audit entry per school changed")
            XCTAssertTrue(coverageAgain.body.string.contains("\(changed.count)所已在此前调整，未重复处理"))
            XCTAssertEqual(again.status, .seeOther)
            let current = try await Assignment.current(on: app.db).count()
            XCTAssertEqual(current, model.rows.count - (changed.count - moved.count), "the second submit added nothing")
        }
    }

    func testTheOfficeMayChangeARowAndSeesTheSchoolsLeftUncoveredBeforeApplying() async throws {
        try await withApp(history: false) { app in
            _ = try await Self.prepare(app)
            let office = try await login(app, "office")
            let scope = Scope(principal: Principal(try await app.user("office")), assignedSchoolIDs: [])
            let model = Rollover.build(try await Rollover.facts(scope: scope, on: app.db), start: Self.start)
            let kept = try XCTUnwrap(model.rows.first { $0.chosen == .keep })
            try await office.get("/coverage/new-year")

            let preview = try await office.post(
                "/coverage/new-year", form: Self.form(model, change: [kept.assignmentID: .end]) + [("preview", "1")])
            let unchanged = try await Assignment.find(kept.assignmentID, on: app.db)
            let applied = try await office.post(
                "/coverage/new-year", form: Self.form(model, change: [kept.assignmentID: .end]))

            XCTAssertEqual(preview.status, .ok)
            XCTAssertTrue(preview.body.string.contains("<li>\(kept.schoolName)</li>"), "left uncovered, listed")
            XCTAssertNil(unchanged?.endDate, "a preview changes nothing")
            XCTAssertEqual(applied.status, .seeOther)
            let ended = try await Assignment.find(kept.assignmentID, on: app.db)
            XCTAssertEqual(ended?.endDate, "2027-08-31")
        }
    }

    func testAMoveToARetiredInspectorOrNonsenseIsRefusedAndNothingChanges() async throws {
        try await withApp(history: false) { app in
            let (_, zhang) = try await Self.prepare(app)
            let office = try await login(app, "office")
            let scope = Scope(principal: Principal(try await app.user("office")), assignedSchoolIDs: [])
            let model = Rollover.build(try await Rollover.facts(scope: scope, on: app.db), start: Self.start)
            let row = try XCTUnwrap(model.rows.first { $0.inspectorID != zhang.id! })
            try await office.get("/coverage/new-year")
            let before = try await Assignment.query(on: app.db).count()

            let retired = try await office.post(
                "/coverage/new-year", form: Self.form(model, change: [row.assignmentID: .move(to: zhang.id!)]))
            var bad = Self.form(model)
            bad.append(("rows[\(row.assignmentID)]", "move:9223372036854775807999"))
            let nonsense = try await office.post("/coverage/new-year", form: [("start", "明年")] + bad.dropFirst())

            XCTAssertEqual(retired.status, .unprocessableEntity)
            XCTAssertTrue(retired.body.string.contains("只能改派给本区在岗的其他督学"))
            XCTAssertEqual(nonsense.status, .unprocessableEntity)
            XCTAssertTrue(nonsense.body.string.contains("请填写新学年开始日期"))
            let after = try await Assignment.query(on: app.db).count()
            XCTAssertEqual(after, before)
        }
    }
}
