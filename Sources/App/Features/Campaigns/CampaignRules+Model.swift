import DudaoCore

/// The settings form as values: the window and each kind's ticked phases (as typed when refused).
struct CampaignRulesForm: Sendable {
    let appealDays: String
    let ticked: [String: [String]]
    var errors: [FieldError] = []

    init(rules: CampaignRules) {
        appealDays = String(rules.appealDays)
        var ticked: [String: [String]] = [:]
        for kind in CampaignKind.allCases {
            ticked[CampaignRules.field(kind)] = rules.phases(for: kind).map(\.rawValue)
        }
        self.ticked = ticked
    }

    init(appealDays: String, ticked: [String: [String]], errors: [FieldError]) {
        self.appealDays = appealDays
        self.ticked = ticked
        self.errors = errors
    }
}
