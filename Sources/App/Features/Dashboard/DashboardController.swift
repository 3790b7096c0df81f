import DudaoCore
import Vapor

/// 数据看板 for the office, leaders and admin of a district.
enum DashboardController {
    static func page(req: Request) async throws -> Page {
        let scope = try await Scope.of(req)
        let district = try await scope.district(on: req.db)
        // A city-level account sees every district below it; the settings are those of its first district.
        let node = try await OrgUnit.find(scope.principal.orgUnitID, on: req.db)
        let root = node?.level == .city ? node! : district
        var input = Dashboard.Input(township: try req.query.bounded("township", InputBounds.ID.self))
        if let type = try req.query.boundedText("type", max: 20) {
            guard let t = SchoolType(rawValue: type) else { throw BadInput(message: "学校类型不正确") }
            input.type = t
        }
        let settings = try await DistrictSettings.forDistrict(district.id!, on: req.db)
        let model = try await Dashboard.load(
            root: root, input: input, today: req.today, terms: settings.terms,
            categories: settings.categories, on: req.db)
        return DashboardView(ctx: req.pageContext(), model: model).render()
    }
}
