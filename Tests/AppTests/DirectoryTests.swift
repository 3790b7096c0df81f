import DudaoCore
import Fluent
import XCTVapor

@testable import App

/// Editing the directory through the forms: the audit trail, 停办, validation, 挂牌调整.
final class DirectoryTests: XCTestCase {
    // MARK: Audit trail

    func testEditingASchoolRecordsWhoChangedWhatFromWhatToWhat() async throws {
        try await withApp { app in
            let before = try await app.school(1)
            let oldName = before.name
            let newName = "城关街道第一小学"
            let office = try await login(app, "office")
            let officeUser = try await app.user("office")

            let res = try await office.post(
                "/schools/1", form: replacing(schoolFormFields(before, township: "城关街道"), "name", with: newName))

            XCTAssertEqual(res.status, .seeOther)
            XCTAssertEqual(res.headers.first(name: .location), "/schools/1")
            let after = try await app.school(1)
            XCTAssertEqual(after.name, newName)
            XCTAssertEqual(after.code, before.code)
            XCTAssertEqual(after.areaID, before.areaID)
            let events = try await AuditEvent.query(on: app.db).filter(\.$entity == "school").filter(\.$entityID == 1)
                .all()
            XCTAssertEqual(events.count, 1)
            let event = try XCTUnwrap(events.first)
            XCTAssertEqual(event.action, "update")
            XCTAssertEqual(event.actorID, officeUser.id)
            XCTAssertEqual(event.actorName, "督导室 陈立新", "the name as the header shows it; actorID keeps the account")
            XCTAssertEqual(
                event.fieldChanges, [FieldChange(field: "学校名称", before: oldName, after: newName)],
                "only the name changed")
        }
    }

    func testSchoolPageShowsTheChangeInItsAuditTrailToTheOffice() async throws {
        try await withApp { app in
            let before = try await app.school(1)
            let office = try await login(app, "office")
            try await office.post(
                "/schools/1", form: replacing(schoolFormFields(before, township: "城关街道"), "name", with: "城关街道第一小学"))

            let res = try await office.get("/schools/1")

            XCTAssertEqual(res.status, .ok)
            let html = res.body.string
            XCTAssertTrue(html.contains("操作记录"))
            XCTAssertTrue(html.contains("学校名称：\(before.name) → 城关街道第一小学"))
            XCTAssertTrue(html.contains("已保存"), "the flash message is shown once after the redirect")
        }
    }

    func testAuditTrailIsHiddenFromLeadersAndSchools() async throws {
        try await withApp { app in
            let before = try await app.school(1)
            let office = try await login(app, "office")
            try await office.post(
                "/schools/1", form: replacing(schoolFormFields(before, township: "城关街道"), "name", with: "城关街道第一小学"))
            let leader = try await login(app, "leader")
            let school = try await login(app, "school")

            let forLeader = try await leader.get("/schools/1")
            let forSchool = try await school.get("/schools/1")

            XCTAssertEqual(forLeader.status, .ok)
            XCTAssertFalse(forLeader.body.string.contains("学校名称：\(before.name) →"))
            XCTAssertEqual(forSchool.status, .ok)
            XCTAssertFalse(forSchool.body.string.contains("学校名称：\(before.name) →"))
        }
    }

    // MARK: 停办

    func testDeactivatingASchoolClosesItEndsItsAssignmentAndKeepsTheRecord() async throws {
        try await withApp { app in
            let count = try await app.schoolCount()
            let current = try await Assignment.current(on: app.db).filter(\.$schoolID == 2).count()
            XCTAssertEqual(current, 1, "precondition: school 2 has a responsible inspector")
            let office = try await login(app, "office")
            let officeUser = try await app.user("office")

            let res = try await office.post("/schools/2/deactivate")

            XCTAssertEqual(res.status, .seeOther)
            let school = try await app.school(2)
            XCTAssertEqual(school.status, .closed)
            let count2 = try await app.schoolCount()
            XCTAssertEqual(count2, count, "schools are never deleted")
            let open = try await Assignment.current(on: app.db).filter(\.$schoolID == 2).count()
            XCTAssertEqual(open, 0)
            let history = try await Assignment.query(on: app.db).filter(\.$schoolID == 2).all()
            XCTAssertEqual(history.count, 1, "the assignment is ended, not deleted")
            XCTAssertEqual(history.first?.endDate, TestClock.today.description)
            let event = try await AuditEvent.query(on: app.db).filter(\.$entity == "school").filter(\.$entityID == 2)
                .filter(\.$action == "deactivate").first()
            XCTAssertEqual(event?.actorID, officeUser.id)
            XCTAssertEqual(
                event?.fieldChanges.first { $0.field == "状态" }, FieldChange(field: "状态", before: "在办", after: "停办"))
            // Still reachable, marked closed, and gone from the default list and the public pages.
            let page = try await office.get("/schools/2")
            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(page.body.string.contains("停办"))
            let list = try await office.get("/schools")
            XCTAssertEqual(HTML.listTotal(in: list.body.string), count - 1)
            let sign = try await app.sendRequest(.GET, "/public/schools/2/sign")
            XCTAssertEqual(sign.status, .notFound)
        }
    }

    func testReactivatingAClosedSchoolReopensIt() async throws {
        try await withApp { app in
            let office = try await login(app, "office")
            try await office.post("/schools/2/deactivate")

            let res = try await office.post("/schools/2/reactivate")

            XCTAssertEqual(res.status, .seeOther)
            let school = try await app.school(2)
            XCTAssertEqual(school.status, .open)
            let actions = try await AuditEvent.query(on: app.db).filter(\.$entityID == 2).sort(\.$id).all().map(
                \.action)
            XCTAssertEqual(actions, ["deactivate", "reactivate"])
        }
    }

    // MARK: Validation

    func testCreatingASchoolWithAShortCodeIsRejectedAndNothingSaved() async throws {
        try await withApp { app in
            let count = try await app.schoolCount()
            let office = try await login(app, "office")

            let res = try await office.post("/schools", form: newSchoolFields(code: "12345"))

            XCTAssertEqual(res.status, .unprocessableEntity)
            let html = res.body.string
            XCTAssertTrue(html.contains("学校标识码应为10位数字"))
            XCTAssertTrue(html.contains("城关街道新建小学"), "the form keeps what was typed")
            let count2 = try await app.schoolCount()
            XCTAssertEqual(count2, count)
            let audits = try await AuditEvent.query(on: app.db).count()
            XCTAssertEqual(audits, 0)
        }
    }

    func testCreatingASchoolWithAnExistingCodeNamesTheSchoolThatHasIt() async throws {
        try await withApp { app in
            let existing = try await app.school(1)
            let count = try await app.schoolCount()
            let office = try await login(app, "office")

            let res = try await office.post("/schools", form: newSchoolFields(code: existing.code))

            XCTAssertEqual(res.status, .unprocessableEntity)
            XCTAssertTrue(res.body.string.contains("学校标识码 \(existing.code) 已被“\(existing.name)”使用"))
            let count2 = try await app.schoolCount()
            XCTAssertEqual(count2, count)
        }
    }

    func testEditingASchoolToAnotherSchoolsCodeIsRejected() async throws {
        try await withApp { app in
            let school1 = try await app.school(1)
            let school2 = try await app.school(2)
            let office = try await login(app, "office")

            let res = try await office.post(
                "/schools/2", form: replacing(schoolFormFields(school2, township: "城关街道"), "code", with: school1.code))

            XCTAssertEqual(res.status, .unprocessableEntity)
            XCTAssertTrue(res.body.string.contains("已被“\(school1.name)”使用"))
            let after = try await app.school(2)
            XCTAssertEqual(after.code, school2.code)
        }
    }

    func testCreatingAValidSchoolSavesItWithAnAuditEvent() async throws {
        try await withApp { app in
            let count = try await app.schoolCount()
            let office = try await login(app, "office")

            let res = try await office.post("/schools", form: newSchoolFields(code: "3115900001"))

            XCTAssertEqual(res.status, .seeOther)
            let count2 = try await app.schoolCount()
            XCTAssertEqual(count2, count + 1)
            let saved = try await School.query(on: app.db).filter(\.$code == "3115900001").first()
            let school = try XCTUnwrap(saved)
            XCTAssertEqual(res.headers.first(name: .location), "/schools/\(school.id!)")
            XCTAssertEqual(school.name, "城关街道新建小学")
            XCTAssertEqual(school.status, .open)
            let district = try await app.demoDistrict()
            XCTAssertEqual(school.districtID, district.id)
            let created = try await AuditEvent.query(on: app.db).filter(\.$entityID == school.id!)
                .filter(\.$action == "create").count()
            XCTAssertEqual(created, 1)
        }
    }

    func testCreatingASchoolInATownshipOfAnotherDistrictIsRejected() async throws {
        try await withApp { app in
            _ = try await Factory.secondDistrict(on: app.db)
            let count = try await app.schoolCount()
            let office = try await login(app, "office")

            let res = try await office.post(
                "/schools", form: replacing(newSchoolFields(code: "3115900001"), "township", with: "松岭镇"))

            XCTAssertEqual(res.status, .unprocessableEntity)
            XCTAssertTrue(res.body.string.contains("镇街“松岭镇”不在本区范围内"))
            let count2 = try await app.schoolCount()
            XCTAssertEqual(count2, count)
        }
    }

    // MARK: 挂牌调整

    func testAssigningAnUncoveredSchoolLowersTheUncoveredCount() async throws {
        try await withApp { app in
            // The demo leaves the last two schools (by id) without a responsible inspector.
            let lastTwo = try await School.query(on: app.db).sort(\.$id, .descending).limit(2).all()
            for s in lastTwo {
                let n = try await Assignment.current(on: app.db).filter(\.$schoolID == s.id!).count()
                XCTAssertEqual(n, 0, "precondition: \(s.name) is uncovered")
            }
            let target = try XCTUnwrap(lastTwo.last)
            let wu = try await app.inspector(named: "吴晓梅")
            let office = try await login(app, "office")
            let before = try await office.get("/coverage")
            XCTAssertEqual(HTML.statValue("未挂牌", in: before.body.string), 2)

            let res = try await office.post(
                "/schools/\(target.id!)/assign", form: [("inspector", String(wu.id!)), ("start", "2026-09-01")])

            XCTAssertEqual(res.status, .seeOther)
            XCTAssertEqual(res.headers.first(name: .location), "/schools/\(target.id!)")
            let after = try await office.get("/coverage")
            XCTAssertEqual(HTML.statValue("未挂牌", in: after.body.string), 1)
            XCTAssertFalse(after.body.string.contains(target.name))
            let current = try await Assignment.current(on: app.db).filter(\.$schoolID == target.id!).all()
            XCTAssertEqual(current.map(\.inspectorID), [wu.id!])
            XCTAssertEqual(current.first?.startDate, "2026-09-01")
            let audit = try await AuditEvent.query(on: app.db).filter(\.$entityID == target.id!)
                .filter(\.$action == "assign").count()
            XCTAssertEqual(audit, 1)
        }
    }

    func testReassigningASchoolEndsTheOldAssignmentAndKeepsItInTheHistory() async throws {
        try await withApp { app in
            let wang = try await app.inspector(named: "王建华")
            let li = try await app.inspector(named: "李秀英")
            let office = try await login(app, "office")

            let res = try await office.post(
                "/schools/2/assign", form: [("inspector", String(li.id!)), ("start", "2026-10-01"), ("note", "学期调整")])

            XCTAssertEqual(res.status, .seeOther)
            let history = try await Assignment.query(on: app.db).filter(\.$schoolID == 2).sort(\.$startDate).all()
            XCTAssertEqual(history.count, 2)
            XCTAssertEqual(history.first?.inspectorID, wang.id)
            XCTAssertEqual(history.first?.startDate, "2026-09-01")
            XCTAssertEqual(history.first?.endDate, "2026-09-30", "the old assignment ends the day before")
            XCTAssertEqual(history.last?.inspectorID, li.id)
            XCTAssertEqual(history.last?.startDate, "2026-10-01")
            XCTAssertNil(history.last?.endDate)
            // The page lists both; 王建华 now holds three schools.
            let page = try await office.get("/schools/2")
            XCTAssertTrue(page.body.string.contains("王建华"))
            XCTAssertTrue(page.body.string.contains("李秀英"))
            let held = try await Assignment.currentSchoolIDs(inspectorID: wang.id!, on: app.db)
            XCTAssertEqual(Set(held), [1, 3, 4])
            let inspector = try await login(app, "inspector")
            let gone = try await inspector.get("/schools/2")
            XCTAssertEqual(gone.status, .notFound)
        }
    }

    func testAssignmentCannotStartBeforeTheCurrentOne() async throws {
        try await withApp { app in
            let li = try await app.inspector(named: "李秀英")
            let office = try await login(app, "office")

            let res = try await office.post(
                "/schools/2/assign", form: [("inspector", String(li.id!)), ("start", "2026-08-01")])

            XCTAssertEqual(res.status, .unprocessableEntity)
            XCTAssertTrue(res.body.string.contains("开始日期不能早于现任督学的挂牌开始日期"))
            let n = try await Assignment.query(on: app.db).filter(\.$schoolID == 2).count()
            XCTAssertEqual(n, 1)
        }
    }

    func testInspectorOfAnotherDistrictCannotBeAssigned() async throws {
        try await withApp { app in
            let other = try await Factory.secondDistrict(on: app.db)
            let stranger = Inspector()
            stranger.districtID = other.district.id!
            stranger.orgPath = other.district.path
            stranger.name = "外区督学"
            stranger.kind = .partTime
            stranger.gender = .female
            stranger.phone = "13700000001"
            stranger.employer = "松岭区教育局"
            stranger.post = "科员"
            stranger.duties = Inspector.defaultDuties
            stranger.status = .active
            try await stranger.save(on: app.db)
            let lastID = try await School.query(on: app.db).filter(\.$districtID != other.district.id!)
                .sort(\.$id, .descending).first()?.id
            let target = try XCTUnwrap(lastID)
            let office = try await login(app, "office")

            let res = try await office.post(
                "/schools/\(target)/assign", form: [("inspector", String(stranger.id!)), ("start", "2026-09-01")])

            XCTAssertEqual(res.status, .unprocessableEntity)
            XCTAssertTrue(res.body.string.contains("请选择本区在岗的督学"))
            let n = try await Assignment.query(on: app.db).filter(\.$schoolID == target).count()
            XCTAssertEqual(n, 0)
        }
    }

    func testASchoolSeesItsInspectorNamedWithoutALinkItCouldNotOpen() async throws {
        try await withApp(history: false) { app in
            let school = try await login(app, "school")
            let office = try await login(app, "office")
            let inspector = try await app.user("inspector").inspectorID!

            let asSchool = try await school.get("/schools/1")
            let profile = try await school.get("/inspectors/\(inspector)")
            let asOffice = try await office.get("/schools/1")

            XCTAssertTrue(asSchool.body.string.contains("王建华"))
            XCTAssertFalse(asSchool.body.string.contains("href=\"/inspectors/\(inspector)\""))
            XCTAssertEqual(profile.status, .notFound, "which is why the name is not a link")
            XCTAssertTrue(asOffice.body.string.contains("href=\"/inspectors/\(inspector)\""))
        }
    }
}
