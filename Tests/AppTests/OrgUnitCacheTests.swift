import DudaoCore
import Fluent
import SQLKit
import XCTVapor

@testable import App

/// An account's node and district are read from the database once per application, and every request is handed
/// its own model of them.
final class OrgUnitCacheTests: XCTestCase {
    func testAnOfficesNodeAndDistrictAreReadOnceAndEachRequestGetsItsOwnCopy() async throws {
        try await withApp { app in
            let office = Principal(try await app.user("office"))
            let scope = Scope(principal: office, assignedSchoolIDs: [], orgUnits: app.orgUnits)
            let district = try await app.demoDistrict()

            let first = try await scope.district(on: app.db)
            first.name = "某调用方改动的名称"
            try await (app.db as! any SQLDatabase).raw(
                "UPDATE org_units SET name = '改名后的区' WHERE id = \(bind: district.id!)"
            ).run()
            let second = try await scope.district(on: app.db)
            let node = try await scope.node(on: app.db)
            app.orgUnits?.forget()
            let afterForget = try await scope.district(on: app.db)

            XCTAssertEqual(second.id, district.id)
            XCTAssertEqual(second.name, district.name, "read once: the database's later name is not read again")
            XCTAssertFalse(first === second, "each caller gets its own model; a change to one is not kept")
            XCTAssertEqual(node.id, office.orgUnitID)
            XCTAssertEqual(afterForget.name, "改名后的区", "forget() reads the tree again")
        }
    }

    func testAScopeOutsideARequestReadsTheDatabase() async throws {
        try await withApp { app in
            let scope = Scope(principal: Principal(try await app.user("school")), assignedSchoolIDs: [])

            let district = try await scope.district(on: app.db)
            let demo = try await app.demoDistrict()

            XCTAssertEqual(district.id, demo.id, "a school's township lies in the district")
        }
    }
}
