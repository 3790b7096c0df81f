import DudaoCore
import Plot

/// A school by id and name, as the compliance pages list them.
struct NamedSchool: Sendable, Equatable {
    let id: Int
    let name: String
}

/// How the 六个一 figures read, on the pages and in the export alike.
enum ComplianceText {
    /// "3/4": schools visited of those that required a visit that month.
    static func cell(_ r: ComplianceResult, inspectorID: Int, month: YearMonth) -> String {
        let states = r.monthStates.filter { $0.key.inspectorID == inspectorID && $0.key.month == month }.map(\.value)
        let required = states.filter { $0 != .notRequired && $0 != .upcoming }.count
        if required == 0 { return states.contains(.upcoming) ? "" : "—" }
        return "\(states.filter { $0 == .visited }.count)/\(required)"
    }

    /// The colour of a month's cell: any overdue school, any due, any visited.
    static func tone(_ r: ComplianceResult, inspectorID: Int, month: YearMonth) -> String {
        let states = r.monthStates.filter { $0.key.inspectorID == inspectorID && $0.key.month == month }.map(\.value)
        if states.contains(.overdue) { return "bad" }
        if states.contains(.due) { return "due" }
        if states.contains(.visited) { return "ok" }
        return ""
    }

    static func state(_ s: RuleState) -> String {
        switch s {
        case .met: "达标"
        case .pending: "待完成"
        case .short(let n): "不足\(n)项"
        }
    }

    static func tone(_ s: RuleState) -> String {
        if case .short = s { return "bad" }
        return s == .pending ? "due" : "ok"
    }
}

extension Node where Context == HTML.BodyContext {
    /// The six rules with their state, as a row of badges.
    static func ruleStates(_ states: [ComplianceRule: RuleState]) -> Node {
        .ul(
            .class("rules"),
            .forEach(ComplianceRule.allCases) { rule in
                let s = states[rule] ?? .met
                return .li(
                    .class("rule " + ComplianceText.tone(s)), .title(rule.requirement),
                    .span(.class("rule-no"), .text(String(rule.number))),
                    .span(.text(rule.label)),
                    .strong(.text(ComplianceText.state(s))))
            })
    }

    /// Schools × months with the visit state of each.
    static func visitCalendar(result: ComplianceResult, inspectorID: Int, schools: [NamedSchool], months: [YearMonth])
        -> Node
    {
        func cell(_ state: VisitState?) -> Node<HTML.TableRowContext> {
            let tone: String =
                switch state {
                case .visited: "ok"
                case .overdue: "bad"
                case .due: "due"
                default: ""
                }
            let text: String =
                switch state {
                case .visited: "✓"
                case .overdue: "逾期"
                case .due: "待督导"
                case .notRequired: "无需"
                case .upcoming, .none: ""
                }
            return .td(.class("cell " + tone), .title(state?.label ?? ""), .text(text))
        }
        return .section(
            .class("card"),
            .h2(.text("到校督导日历")),
            .p(.class("hint"), .text("✓ 已督导；逾期 = 该月未到校；待督导 = 本月尚未到校；无需 = 假期或挂牌不足半月。")),
            .div(
                .class("table-wrap"),
                .table(
                    .class("matrix calendar"),
                    .thead(.tr(.th(.text("学校")), .forEach(months) { .th(.text($0.shortLabel)) })),
                    .tbody(
                        .forEach(schools) { s in
                            .tr(
                                .th(.attribute(named: "scope", value: "row"), .link(SiteURL.school(s.id).path, s.name)),
                                .forEach(months) { m in
                                    cell(result.monthStates[.init(inspectorID: inspectorID, schoolID: s.id, month: m)])
                                })
                        }))))
    }
}
