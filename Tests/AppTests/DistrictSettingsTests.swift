import DudaoCore
import Fluent
import XCTVapor

@testable import App

/// An inspector's district settings are read with the inspector in one statement: they must be what the district
/// itself reads, saved or default.
final class DistrictSettingsTests: XCTestCase {
    func testAnInspectorReadsTheSettingsItsDistrictSaved() async throws {
        try await withApp { app in
            let district = try await app.demoDistrict()
            let settings = try await DistrictSettings.forDistrict(district.id!, on: app.db)
            settings.maxSchoolsPerInspector = 4
            try await settings.save(on: app.db)
            let inspectorID = try await app.user("inspector").inspectorID!

            let read = try await DistrictSettings.forInspector(inspectorID, on: app.db)

            XCTAssertEqual(read?.id, settings.id)
            XCTAssertEqual(read?.maxSchoolsPerInspector, 4)
        }
    }

    func testAnInspectorOfADistrictWithoutSavedSettingsReadsTheDefaults() async throws {
        try await withApp { app in
            let second = try await Factory.secondDistrict(on: app.db)
            let inspector = try await Inspector.find(try await app.user("inspector").inspectorID!, on: app.db)!
            inspector.districtID = second.district.id!
            try await inspector.save(on: app.db)

            let read = try await DistrictSettings.forInspector(inspector.id!, on: app.db)
            let unknown = try await DistrictSettings.forInspector(999_999, on: app.db)

            XCTAssertNil(read?.id, "nothing saved for the second district")
            XCTAssertEqual(read?.districtID, second.district.id)
            XCTAssertEqual(read?.maxSchoolsPerInspector, 6)
            XCTAssertNil(unknown, "no such inspector")
        }
    }
}
