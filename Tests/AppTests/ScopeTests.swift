import DudaoCore
import Fluent
import XCTVapor

@testable import App

/// Each account sees only its own part of the directory, and only office and admin change it.
final class ScopeTests: XCTestCase {
    // MARK: School account

    func testSchoolAccountGets404ForAnotherSchool() async throws {
        try await withApp { app in
            let school = try await login(app, "school")

            let res = try await school.get("/schools/2")

            XCTAssertEqual(res.status, .notFound)
            let other = try await app.school(2)
            XCTAssertFalse(res.body.string.contains(other.name), "a hidden school's name must not leak")
        }
    }

    func testSchoolAccountListsOnlyItsOwnSchool() async throws {
        try await withApp { app in
            let own = try await app.school(1)
            let others = try await School.query(on: app.db).filter(\.$id != 1).all()
            let school = try await login(app, "school")

            let res = try await school.get("/schools")

            XCTAssertEqual(res.status, .ok)
            let html = res.body.string
            XCTAssertEqual(HTML.listTotal(in: html), 1)
            XCTAssertTrue(html.contains(own.name))
            for s in others {
                XCTAssertFalse(html.contains(s.name), "school account sees \(s.name)")
            }
        }
    }

    func testSchoolAccountCannotPostEditsEvenToItsOwnSchool() async throws {
        try await withApp { app in
            let own = try await app.school(1)
            let school = try await login(app, "school")

            let res = try await school.post(
                "/schools/1", form: replacing(schoolFormFields(own, township: "城关街道"), "name", with: "改名小学"))

            XCTAssertEqual(res.status, .forbidden)
            XCTAssertTrue(res.body.string.contains("您的账号无权访问此页面"), "refused by the role guard, not by CSRF")
            let after = try await app.school(1)
            XCTAssertEqual(after.name, own.name)
            let audits = try await AuditEvent.query(on: app.db).count()
            XCTAssertEqual(audits, 0)
        }
    }

    func testSchoolAccountCannotOpenTheNewSchoolForm() async throws {
        try await withApp { app in
            let school = try await login(app, "school")

            let res = try await school.get("/schools/new")

            XCTAssertEqual(res.status, .forbidden)
        }
    }

    // MARK: Inspector

    func testInspectorListsExactlyTheirFourSchools() async throws {
        try await withApp { app in
            let mine = try await School.query(on: app.db).filter(\.$id ~~ [1, 2, 3, 4]).all()
            let notMine = try await School.query(on: app.db).filter(\.$id !~ [1, 2, 3, 4]).all()
            let inspector = try await login(app, "inspector")

            let res = try await inspector.get("/schools")

            XCTAssertEqual(res.status, .ok)
            let html = res.body.string
            XCTAssertEqual(HTML.listTotal(in: html), 4)
            for s in mine { XCTAssertTrue(html.contains(s.name), "missing own school \(s.name)") }
            for s in notMine { XCTAssertFalse(html.contains(s.name), "inspector sees \(s.name)") }
        }
    }

    func testInspectorGets404ForASchoolAssignedToSomeoneElse() async throws {
        try await withApp { app in
            let current = try await Assignment.current(on: app.db).filter(\.$schoolID == 10).first()
            let wang = try await app.inspector(named: "王建华")
            XCTAssertNotNil(current)
            XCTAssertNotEqual(current?.inspectorID, wang.id, "precondition: school 10 belongs to another inspector")
            let inspector = try await login(app, "inspector")

            let res = try await inspector.get("/schools/10")

            XCTAssertEqual(res.status, .notFound)
            let own = try await inspector.get("/schools/4")
            XCTAssertEqual(own.status, .ok)
        }
    }

    func testInspectorCannotReadTheInspectorListOrEdit() async throws {
        try await withApp { app in
            let inspector = try await login(app, "inspector")

            let list = try await inspector.get("/inspectors")
            let edit = try await inspector.get("/schools/1/edit")

            XCTAssertEqual(list.status, .forbidden)
            XCTAssertEqual(edit.status, .forbidden)
        }
    }

    // MARK: Leader

    func testLeaderReadsSchoolsAndInspectors() async throws {
        try await withApp { app in
            let leader = try await login(app, "leader")

            let schools = try await leader.get("/schools")
            let inspectors = try await leader.get("/inspectors")

            XCTAssertEqual(schools.status, .ok)
            XCTAssertEqual(HTML.listTotal(in: schools.body.string), 39)
            XCTAssertEqual(inspectors.status, .ok)
            XCTAssertTrue(inspectors.body.string.contains("王建华"))
        }
    }

    func testLeaderCannotEditOrOpenTheNewSchoolForm() async throws {
        try await withApp { app in
            let before = try await app.school(1)
            let leader = try await login(app, "leader")

            let edit = try await leader.post(
                "/schools/1", form: replacing(schoolFormFields(before, township: "城关街道"), "name", with: "改名小学"))
            let newForm = try await leader.get("/schools/new")

            XCTAssertEqual(edit.status, .forbidden)
            XCTAssertTrue(edit.body.string.contains("您的账号无权访问此页面"), "refused by the role guard, not by CSRF")
            XCTAssertEqual(newForm.status, .forbidden)
            let after = try await app.school(1)
            XCTAssertEqual(after.name, before.name)
        }
    }

    // MARK: Another district

    func testOfficeOfAnotherDistrictCannotSeeSchoolOne() async throws {
        try await withApp { app in
            let other = try await Factory.secondDistrict(on: app.db)
            let school1 = try await app.school(1)
            let office2 = try await login(app, "office2")

            let page = try await office2.get("/schools/1")
            let list = try await office2.get("/schools")

            XCTAssertEqual(page.status, .notFound)
            XCTAssertEqual(list.status, .ok)
            XCTAssertEqual(HTML.listTotal(in: list.body.string), 1)
            XCTAssertTrue(list.body.string.contains(other.school.name))
            XCTAssertFalse(list.body.string.contains(school1.name))
        }
    }

    func testOfficeOfAnotherDistrictCannotEditSchoolOne() async throws {
        try await withApp { app in
            _ = try await Factory.secondDistrict(on: app.db)
            let before = try await app.school(1)
            let office2 = try await login(app, "office2")

            let editForm = try await office2.get("/schools/1/edit")
            let edit = try await office2.post(
                "/schools/1", form: replacing(schoolFormFields(before, township: "城关街道"), "name", with: "改名小学"))
            let deactivate = try await office2.post("/schools/1/deactivate")

            XCTAssertEqual(editForm.status, .notFound)
            XCTAssertEqual(edit.status, .notFound)
            XCTAssertEqual(deactivate.status, .notFound)
            let after = try await app.school(1)
            XCTAssertEqual(after.name, before.name)
            XCTAssertEqual(after.status, .open)
        }
    }

    func testDemoOfficeCannotSeeTheSecondDistrictsSchool() async throws {
        try await withApp { app in
            let other = try await Factory.secondDistrict(on: app.db)
            let office = try await login(app, "office")

            let page = try await office.get("/schools/\(other.school.id!)")
            let list = try await office.get("/schools")

            XCTAssertEqual(page.status, .notFound)
            XCTAssertEqual(HTML.listTotal(in: list.body.string), 39)
            XCTAssertFalse(list.body.string.contains(other.school.name))
        }
    }

    func testSchoolAccountOfAnotherDistrictSeesOnlyItsSchool() async throws {
        try await withApp { app in
            let other = try await Factory.secondDistrict(on: app.db)
            let school2 = try await login(app, "school2")

            let own = try await school2.get("/schools/\(other.school.id!)")
            let demo = try await school2.get("/schools/1")

            XCTAssertEqual(own.status, .ok)
            XCTAssertEqual(demo.status, .notFound)
        }
    }
}
