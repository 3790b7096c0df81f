import DudaoCore
import Vapor

/// 督导程序设置: the office chooses each kind's phases and the 申辩 window. New campaigns take them; a campaign
/// keeps the phases it started with.
enum CampaignRulesController {
    static func form(req: Request) async throws -> Page {
        let district = try await Scope.of(req).campaignDistrict(on: req.db)
        let rules = try await DistrictSettings.forDistrict(district.id!, on: req.db).campaignRules
        return CampaignRulesView(ctx: req.pageContext(), model: CampaignRulesForm(rules: rules)).render()
    }

    static func save(req: Request) async throws -> Response {
        let scope = try await Scope.of(req)
        let district = try await scope.campaignDistrict(on: req.db)
        let days = String(((try? req.content.get(String.self, at: "appealDays")) ?? "").prefix(20))
        var lists: [String: [String]] = [:]
        for kind in CampaignKind.allCases {
            let name = CampaignRules.field(kind)
            lists[name] = Array(((try? req.content.get([String].self, at: name)) ?? []).prefix(20))
        }
        switch CampaignRules.parse(["appealDays": days], lists: lists) {
        case .failure(let errors):
            let model = CampaignRulesForm(appealDays: days, ticked: lists, errors: errors)
            return try await CampaignRulesView(ctx: req.pageContext(), model: model).render().encodeResponse(for: req)
        case .success(let rules):
            try await req.db.writeTransaction { db in
                let settings = try await DistrictSettings.forDistrict(district.id!, on: db)
                settings.campaignRulesJSON = try JSONColumn.encode(rules)
                try await settings.save(on: db)
                try await Audit.record(
                    on: db, actor: scope.principal, action: "update", entity: "district_settings", id: district.id!,
                    orgPath: district.path, summary: "修改督导程序设置（申辩期 \(rules.appealDays) 个工作日）")
            }
            req.flash("已保存督导程序设置，新发布的督导任务按此执行")
            return req.redirect(to: SiteURL.campaignRules.path)
        }
    }
}
