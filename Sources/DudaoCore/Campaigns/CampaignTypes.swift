/// What kind of supervision a campaign (督导任务) is; each kind has its own phases (教育督导条例, rules.md §2).
public enum CampaignKind: String, LabelledEnum {
    case comprehensive, special, opening, random, assessment, principalTerm, government

    public var label: String {
        switch self {
        case .comprehensive: "综合督导"
        case .special: "专项督导"
        case .opening: "开学督导"
        case .random: "随机督导"
        case .assessment: "评估考核"
        case .principalTerm: "校长任期结束督导"
        case .government: "督政"
        }
    }

    /// The phases a target goes through unless the district sets others. The statutory procedure in full for
    /// comprehensive supervision; a special-topic, opening or random check goes straight to the site.
    public var defaultPhases: [CampaignPhase] {
        switch self {
        case .comprehensive, .principalTerm, .government:
            [.notice, .selfAssessment, .onSite, .preliminary, .appeal, .opinion, .rectification, .report]
        case .assessment: [.notice, .selfAssessment, .onSite, .preliminary, .appeal, .opinion, .report]
        case .special, .opening: [.onSite, .opinion, .rectification]
        case .random: [.onSite, .opinion, .rectification]
        }
    }

    /// 综合督导 needs a team of at least three (条例 第二十一条); other kinds at least one rater.
    public var minimumTeam: Int { self == .comprehensive ? 3 : 1 }

    /// Whether the targets learn of the visit in advance (a random check is unannounced).
    public var announcedByDefault: Bool { self != .random }
}

/// A phase a campaign target passes through.
public enum CampaignPhase: String, LabelledEnum {
    case notice, selfAssessment, onSite, preliminary, appeal, opinion, rectification, report

    public var label: String {
        switch self {
        case .notice: "书面通知"
        case .selfAssessment: "自评"
        case .onSite: "实地督导"
        case .preliminary: "初步意见"
        case .appeal: "申辩"
        case .opinion: "督导意见书"
        case .rectification: "整改"
        case .report: "报告"
        }
    }

    /// The one action that completes the phase.
    public var completion: CampaignAction {
        switch self {
        case .notice: .sendNotice
        case .selfAssessment: .submitSelfAssessment
        case .onSite: .fixTeamScore
        case .preliminary: .issuePreliminary
        case .appeal: .closeAppeal
        case .opinion: .issueOpinion
        case .rectification: .closeRectification
        case .report: .fileReport
        }
    }
}

/// What someone does to a campaign target.
public enum CampaignAction: String, LabelledEnum {
    case sendNotice, submitSelfAssessment, fixTeamScore, issuePreliminary, submitAppeal, closeAppeal, issueOpinion
    case closeRectification, fileReport

    public var label: String {
        switch self {
        case .sendNotice: "发出书面通知"
        case .submitSelfAssessment: "提交自评"
        case .fixTeamScore: "确定督导组评分"
        case .issuePreliminary: "送达初步意见"
        case .submitAppeal: "提出申辩"
        case .closeAppeal: "答复申辩"
        case .issueOpinion: "印发督导意见书"
        case .closeRectification: "整改完成"
        case .fileReport: "报告政府并归档"
        }
    }
}

/// Who acts on a target: the office, the team's lead, a team member, or the target itself (its account).
public enum CampaignActor: String, Sendable, CaseIterable {
    case office, lead, member, target
}
