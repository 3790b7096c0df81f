import DudaoCore
import Fluent
import Foundation

/// The form that starts a campaign, with its choices (published systems, the team, townships) and errors.
struct CampaignNewForm: Sendable {
    struct Choice: Sendable, Equatable {
        let value: String
        let label: String
    }

    let systems: [Choice]
    let people: [Choice]
    let townships: [Choice]
    let values: [String: String]
    let lists: [String: [String]]
    let errors: [FieldError]

    static func query(
        district: OrgUnit, today: Day, values: [String: String]? = nil, lists: [String: [String]] = [:],
        errors: [FieldError] = [], on db: any Database
    ) async throws -> CampaignNewForm {
        let templates = try await IndicatorTemplate.query(on: db).filter(\.$districtID == district.id!).sort(\.$id)
            .limit(500).all()
        let versions = try await IndicatorVersion.query(on: db).filter(\.$templateID ~~ templates.map { $0.id! })
            .filter(\.$state == .published).sort(\.$number, .descending)
            .field(\.$id).field(\.$templateID).field(\.$number).all()
        var newest: [Int: IndicatorVersion] = [:]
        for v in versions where newest[v.templateID] == nil { newest[v.templateID] = v }
        let systems = templates.compactMap { t in
            newest[t.id!].map { Choice(value: String($0.id!), label: "\(t.name)（第\($0.number)版，评价\(t.kind.label)）") }
        }
        let people = try await User.query(on: db).inSubtree(\.$orgPath, district.path).filter(\.$active == true)
            .filter(\.$role ~~ [.inspector, .office]).sort(\.$role).sort(\.$displayName).limit(500).all()
        let townships = try await OrgUnit.townships(under: district.path, on: db)
        return CampaignNewForm(
            systems: systems,
            people: people.map { Choice(value: String($0.id!), label: "\($0.displayName)（\($0.role.label)）") },
            townships: townships.map { Choice(value: String($0.id!), label: $0.name) },
            values: values ?? [
                "startsOn": today.description, "endsOn": today.adding(days: 30).description, "kind": "comprehensive",
                "targetKind": "school", "announced": "on",
            ],
            lists: lists, errors: errors)
    }
}
