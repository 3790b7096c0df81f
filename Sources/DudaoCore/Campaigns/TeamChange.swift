/// A change to one target's team (督导组) after the campaign has started: a member added or removed, another
/// member made lead. The lead stays a member; a comprehensive supervision keeps its team of at least three.
public enum TeamChange: Sendable, Equatable {
    case add(Int)
    case remove(Int)
    case makeLead(Int)

    public struct Team: Sendable, Equatable {
        public var members: [Int]
        public var lead: Int

        public init(members: [Int], lead: Int) {
            self.members = members
            self.lead = lead
        }
    }

    /// The team after the change, or why it is refused.
    public func apply(to team: Team, kind: CampaignKind) -> Result<Team, Refusal> {
        var next = team
        switch self {
        case .add(let user):
            guard !team.members.contains(user) else { return .failure(.alreadyMember) }
            guard team.members.count < CampaignInput.maxTeam else { return .failure(.tooMany) }
            next.members.append(user)
        case .remove(let user):
            guard team.members.contains(user) else { return .failure(.notMember) }
            guard user != team.lead else { return .failure(.removingLead) }
            guard team.members.count > kind.minimumTeam else { return .failure(.tooFew(kind)) }
            next.members.removeAll { $0 == user }
        case .makeLead(let user):
            guard team.members.contains(user) else { return .failure(.notMember) }
            next.lead = user
        }
        return .success(next)
    }

    public enum Refusal: Error, Sendable, Equatable, CustomStringConvertible {
        case alreadyMember, notMember, removingLead, tooMany
        case tooFew(CampaignKind)

        public var description: String {
            switch self {
            case .alreadyMember: "此人已在督导组中"
            case .notMember: "此人不是该对象的督导组成员"
            case .removingLead: "组长不能移出督导组，请先指定其他成员为组长"
            case .tooMany: "督导组不超过 \(CampaignInput.maxTeam) 人"
            case .tooFew(let kind): "\(kind.label)的督导组不少于 \(kind.minimumTeam) 人（含组长）"
            }
        }
    }
}
