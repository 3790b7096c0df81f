import DudaoCore
import Plot

/// The rating form: the indicator tree, each item with the input its scoring form needs and a 不适用 choice; for
/// the team's rating each member's points and the disagreements beside it. Works on a phone; saved in place.
struct RatingFormView {
    let ctx: PageContext
    let model: RatingForm

    func render() -> Page { Page(document(), status: model.errors.isEmpty ? 200 : 422) }

    func document() -> FramedDocument {
        let m = model
        let title = "\(m.name) · \(m.tier.label)"
        let page = m.sheet
        let action = SiteURL.campaignTargetPage(m.targetID, page).path
        let disagreements = m.comparison.values.filter(\.isDisagreement).count
        return Layout.document(
            title, ctx,
            [
                .p(.link(SiteURL.campaignTarget(m.targetID).path, "‹ \(m.name)")),
                .h1(.text(title)),
                m.tier == .team
                    ? .p(
                        .class(disagreements > 0 ? "alert" : "hint"),
                        .text(
                            m.raters.isEmpty
                                ? "组员尚未评分。"
                                : "已按 \(m.raters.joined(separator: "、")) 的评分取较稳妥的中位值预填；\(disagreements) 项分歧较大（标红），请组长核定。"
                        ))
                    : m.tier == .recheck
                        ? .p(
                            .class("hint"),
                            .text("市级抽评：逐项独立评分，每项下列出区（县）督导组的评分以便对照。可分次保存；全部填写后点「提交」，提交后计算抽评得分，不能再修改。"))
                        : .p(
                            .class("hint"),
                            .text("可分次填写，点「保存」随时保存；没有网络时先存在本机，联网后自动发送。全部填完后点「提交」。没有填写的项目按 0 分计。")),
                m.submitted
                    ? .p(.class("alert success"), .text(m.locked ? "市级抽评已提交，不能再修改。" : "已提交，仍可修改后再次保存。"))
                    : .empty,
                .errorSummary(m.errors),
                .div(
                    // The page script saves in place and keeps the form on the phone until the server has it.
                    .data(named: "outbox", value: SiteURL.campaignTargetPage(m.targetID, page).path),
                    .outboxPanel,
                    .form(
                        .method(.post), .action(action), .class("rating"), .data(named: "keep", value: "1"),
                        .csrf(ctx.csrf),
                        .forEach(m.system.nodes) { node in item(node) },
                        m.locked
                            ? .empty
                            : .div(
                                .class("form-actions sticky"),
                                .saveStatus,
                                .button(
                                    .type(.submit), .name("submit"), .value(""), .class("btn secondary"), .text("保存")),
                                .button(
                                    .type(.submit), .name("submit"), .value("1"), .class("btn primary"),
                                    .text(m.tier == .team ? "保存督导组评分" : "提交"))))),
            ])
    }

    func item(_ node: IndicatorNode) -> Node<HTML.FormContext> {
        guard let form = node.form else {
            return .h2(.class("rating-branch"), .text("\(node.code) \(node.title)"))
        }
        let name = RatingInput.field(node.code)
        let value = model.values[node.code] ?? ""
        let error = model.errors.message(for: name)
        let compared = model.comparison[node.code]
        return .div(
            .class(
                "rating-item" + (compared?.isDisagreement == true ? " disagree" : "")
                    + (error == nil ? "" : " has-error")),
            .p(.strong(.text("\(node.code) \(node.title)")), node.veto.map { _ in .badge("否决项", "danger") } ?? .empty),
            .p(.class("hint"), .text(node.guidance ?? form.explanation)),
            model.tier == .recheck
                ? countyLine(node.code, form: form)
                : compared.map { c in
                    .p(
                        .class("hint"),
                        .text(
                            "组员："
                                + c.earned.sorted { $0.key < $1.key }.map { "\($0.key) \(Score.text($0.value))" }
                                .joined(separator: "，") + (c.isDisagreement ? "（分歧 \(Score.text(c.spread)) 分）" : "")))
                } ?? .empty,
            input(form, name: name, value: value),
            form == .text
                ? .empty
                : .checkbox(
                    "不适用", name: RatingInput.notApplicable(node.code), checked: model.notApplicable.contains(node.code)),
            .errorText("f-" + name, error),
            form == .text ? .empty : remark(node.code))
    }

    /// For the city's 抽评: what the county answered, and the points it earned (a rank item's points depend on
    /// the other targets, so only its value is shown).
    func countyLine(_ code: String, form: ScoringForm) -> Node<HTML.FormContext> {
        guard let answer = model.county[code], !answer.isEmpty else { return .empty }
        var points = ""
        if case .rank = form {
        } else if let earned = model.comparison[code]?.earned.values.first {
            points = "（\(Score.text(earned)) 分）"
        }
        return .p(.class("hint"), .text("区（县）复评：\(answer)\(points)"))
    }

    /// The item's remark, folded away until it has one (a phone shows many items).
    func remark(_ code: String) -> Node<HTML.FormContext> {
        let name = RatingInput.comment(code)
        let value = model.remarks[code] ?? ""
        let error = model.errors.message(for: name)
        return .element(
            named: "details",
            nodes: [
                .class("rating-remark"),
                value.isEmpty && error == nil ? .empty : .attribute(named: "open", value: "open"),
                .element(named: "summary", nodes: [.text(value.isEmpty ? "添加说明" : "说明")]),
                .textareaField(
                    "说明（看到的情况、扣分理由）", name: name, value: value, error: error, rows: 2,
                    limit: RatingInput.maxRemarkLength),
            ])
    }

    func input(_ form: ScoringForm, name: String, value: String) -> Node<HTML.FormContext> {
        func radios(_ choices: [(String, String)]) -> Node<HTML.FormContext> {
            .radios(name, choices.map { (value: $0.0, label: $0.1) }, selected: value)
        }
        switch form {
        case .yesNo: return radios([("yes", "是（达到）"), ("no", "否（未达到）")])
        case .levels(let levels): return radios(levels.map { ($0.label, "\($0.label)（\(Score.text($0.points))分）") })
        case .text: return .textareaField("意见", name: name, value: value, rows: 3, limit: ScoringForm.maxCommentLength)
        case .points(let max): return number("得分（0–\(Score.text(max))）", name, value)
        case .deduction: return number("发现处数", name, value, numeric: true)
        case .threshold: return number("实测值", name, value)
        case .questionnaire: return number("满意比例（%）", name, value)
        case .rank: return number("数值（用于排名）", name, value)
        case .campaign: return number("督导得分率（%）", name, value)
        }
    }

    func number(_ label: String, _ name: String, _ value: String, numeric: Bool = false) -> Node<HTML.FormContext> {
        .field(label, name: name, value: value, attrs: [("inputmode", numeric ? "numeric" : "decimal")])
    }
}
