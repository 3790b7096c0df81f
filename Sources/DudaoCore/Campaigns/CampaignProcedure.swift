/// The procedure of one campaign target: which phase it is in, what may be done there and by whom.
/// A target is finished when it has passed its last phase.
public enum CampaignProcedure {
    public enum Refusal: Error, Equatable, CustomStringConvertible {
        case finished
        case notNow(CampaignAction, CampaignPhase)
        case notYours(CampaignAction)

        public var description: String {
            switch self {
            case .finished: "该对象的督导已全部完成"
            case .notNow(let a, let p): "当前处于「\(p.label)」阶段，不能\(a.label)"
            case .notYours(let a): "您不能\(a.label)"
            }
        }
    }

    /// Who may take each action: the office always; the lead for the team's steps; the target for its own.
    public static func mayTake(_ action: CampaignAction, _ actor: CampaignActor) -> Bool {
        switch action {
        case .submitSelfAssessment, .submitAppeal: actor == .target
        case .sendNotice, .fixTeamScore, .issuePreliminary, .closeAppeal: actor == .office || actor == .lead
        case .issueOpinion, .closeRectification, .fileReport: actor == .office
        }
    }

    /// Who may upload evidence (佐证材料), and when: the target before the site visit (with its notice and 自评),
    /// the team and the office during it (what they see on site).
    public static func mayUploadEvidence(current: CampaignPhase?, actor: CampaignActor) -> Bool {
        switch (current, actor) {
        case (.notice?, .target), (.selfAssessment?, .target): true
        case (.onSite?, .office), (.onSite?, .lead), (.onSite?, .member): true
        default: false
        }
    }

    /// The actions the actor may take now, in the phase `current` (nil: finished).
    public static func available(current: CampaignPhase?, actor: CampaignActor) -> [CampaignAction] {
        guard let current else { return [] }
        var actions = [current.completion]
        // The 申辩 is what the target does during the appeal phase; the lead's answer closes it.
        if current == .appeal { actions.insert(.submitAppeal, at: 0) }
        return actions.filter { mayTake($0, actor) }
    }

    /// The phase after `action` is taken in `current`; nil when the target is finished.
    /// Submitting an appeal is recorded but keeps the target in the appeal phase.
    public static func apply(
        _ action: CampaignAction, current: CampaignPhase?, phases: [CampaignPhase], actor: CampaignActor
    ) -> Result<CampaignPhase?, Refusal> {
        guard let current else { return .failure(.finished) }
        guard mayTake(action, actor) else { return .failure(.notYours(action)) }
        if action == .submitAppeal, current == .appeal { return .success(current) }
        guard action == current.completion else { return .failure(.notNow(action, current)) }
        guard let index = phases.firstIndex(of: current) else { return .failure(.notNow(action, current)) }
        return .success(index + 1 < phases.count ? phases[index + 1] : nil)
    }

    /// Where a phase list stands for display: each phase done, current or still to come.
    public static func steps(phases: [CampaignPhase], current: CampaignPhase?) -> [(CampaignPhase, StepState)] {
        let at = current.flatMap { phases.firstIndex(of: $0) } ?? phases.count
        return phases.enumerated().map { i, p in (p, i < at ? .done : i == at ? .current : .waiting) }
    }

    public enum StepState: String, Sendable { case done, current, waiting }

    /// A district's own phase list for a kind: the phases it names, in the statutory order, never empty,
    /// always with the site visit (there is nothing to score without it).
    public static func phases(from names: [String], kind: CampaignKind) -> [CampaignPhase] {
        let chosen = Set(names.compactMap(CampaignPhase.init(rawValue:)))
        let ordered = CampaignPhase.allCases.filter { chosen.contains($0) || $0 == .onSite }
        return chosen.isEmpty ? kind.defaultPhases : ordered
    }
}
