import DudaoCore
import Fluent

/// One target's team and who may join it.
struct CampaignTeamPage: Sendable {
    struct Person: Sendable, Equatable {
        let id: Int
        let name: String
        let role: String
    }

    let targetID: Int
    let name: String
    let kind: CampaignKind
    let finished: Bool
    let lead: Int
    let members: [Person]
    let choices: [Person]
    var error: String? = nil

    static func query(target t: CampaignTarget, scope: Scope, on db: any Database) async throws -> CampaignTeamPage {
        guard let campaign = try await Campaign.find(t.campaignID, on: db) else {
            throw CampaignWork.Refused(message: "督导任务不存在")
        }
        let district = try await scope.district(on: db)
        let ids = try await CampaignMember.query(on: db).filter(\.$targetID == t.id!).sort(\.$id).all(\.$userID)
        let people = try await User.query(on: db).inSubtree(\.$orgPath, district.path).filter(\.$active == true)
            .filter(\.$role ~~ [.inspector, .office]).sort(\.$role).sort(\.$displayName).limit(500).all()
        let named = try await User.query(on: db).filter(\.$id ~~ ids).all()
        func person(_ u: User) -> Person { Person(id: u.id!, name: u.displayName, role: u.role.label) }
        let members = ids.compactMap { id in named.first { $0.id == id }.map(person) }
        return CampaignTeamPage(
            targetID: t.id!, name: t.name, kind: campaign.kind, finished: t.phase == nil, lead: t.leadUserID,
            members: members, choices: people.filter { !ids.contains($0.id!) }.map(person))
    }
}
